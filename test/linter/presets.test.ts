/**
 * Presets in the linter: with no `rules`, the preset chooses which rules run and at what
 * severity; `rules` changes it rule by rule; `enableAll` runs every rule at its own severity.
 * And the tables themselves: every name in them is a rule, hadolint's is every DL code but
 * the two hadolint ships off, BuildKit's every check but the experimental one.
 */
import { describe, expect, it } from 'vitest';
import { renderRuleDoc } from '../../src/linter/docs.ts';
import { getLinter } from '../../src/linter/index.ts';
import { BUILDKIT_CHECKS, presetRules, RECOMMENDED } from '../../src/linter/presets.ts';
import { PRESET_NAMES, type PresetName } from '../../src/linter/types.ts';

const linter = getLinter();
const metas = linter.metas;

// apt-pin-versions is hadolint's (DL3008); copy-from-undefined-stage is a warning of its own (and hadolint's),
// an error in recommended (BuildKit fails the build); stage-name-casing is BuildKit's (StageNameCasing)
const FILE = 'FROM debian:12 AS Build\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nCOPY --from=later /a /b\nFROM debian:12 AS later\n';

function found(preset?: PresetName, more: Parameters<typeof linter.lint>[1] = {}): string[] {
  return linter.lint(FILE, { ...(preset ? { preset } : {}), ...more }).findings.map((f) => `${f.ruleId}:${f.severity}`);
}

describe('the linter in a preset', () => {
  it('runs recommended by default', () => {
    expect(found()).toEqual(found('recommended'));
    expect(found()).toContain('copy-from-undefined-stage:error');
    expect(found()).not.toContain('apt-pin-versions:warning');
  });

  it('runs only the preset\'s rules, at the preset\'s severity', () => {
    const hadolint = found('hadolint');
    expect(hadolint).toContain('apt-pin-versions:warning');
    expect(hadolint).toContain('copy-from-undefined-stage:warning');
    expect(hadolint).not.toContain('stage-name-casing:warning');
    expect(found('buildkit')).toEqual(['stage-name-casing:warning']);
    const all = found('all');
    for (const id of ['apt-pin-versions:warning', 'copy-from-undefined-stage:warning', 'stage-name-casing:warning']) expect(all).toContain(id);
  });

  it('lets rules change the preset rule by rule', () => {
    expect(found('buildkit', { rules: { 'stage-name-casing': 'off', 'apt-pin-versions': 'info' } })).toEqual(['apt-pin-versions:info']);
  });

  it('reads a rules map that is not frozen at every call, and a frozen one once (a memo keyed on it)', () => {
    const rules: Record<string, 'off' | 'info' | 'warning'> = { 'stage-name-casing': 'off', 'apt-pin-versions': 'info' };
    expect(found('buildkit', { rules })).toEqual(['apt-pin-versions:info']);
    rules['apt-pin-versions'] = 'off';
    rules['stage-name-casing'] = 'warning';
    expect(found('buildkit', { rules })).toEqual(['stage-name-casing:warning']);
    // a frozen map, its reads counted: a later file reads one key of it (syntax-error's, which
    // the linter reads before the rules), not one per rule
    let reads = 0;
    const frozen = new Proxy(Object.freeze({ 'stage-name-casing': 'off', 'apt-pin-versions': 'info' } as const), {
      get(target, key) {
        reads++;
        return Reflect.get(target, key);
      },
    });
    expect(found('buildkit', { rules: frozen })).toEqual(['apt-pin-versions:info']);
    const firstReads = reads;
    expect(firstReads).toBeGreaterThan(0);
    expect(found('buildkit', { rules: frozen })).toEqual(['apt-pin-versions:info']);
    expect(found('hadolint', { rules: frozen })).toContain('apt-pin-versions:info');
    expect(reads).toBe(firstReads + 2);
  });

  it('with enableAll runs every rule at its own severity', () => {
    expect(found('buildkit', { enableAll: true })).toEqual(found('all'));
  });

  it('refuses a preset it does not know', () => {
    expect(() => linter.lint(FILE, { preset: 'strict' as PresetName })).toThrow("unknown preset 'strict': use one of recommended, hadolint, buildkit, all");
  });
});

describe('the preset tables', () => {
  const ids = new Set(metas.map((m) => m.id));

  it('recommended names only rules that exist', () => {
    expect(Object.keys(RECOMMENDED).filter((id) => !ids.has(id))).toEqual([]);
  });

  it('every preset has syntax-error, as an error', () => {
    for (const name of PRESET_NAMES) expect(presetRules(name, metas).get('syntax-error')).toBe('error');
  });

  it('hadolint: every rule with a DL code but DL1001 and DL3057 (hadolint ships them off), and ShellCheck', () => {
    const expected = metas.filter((m) => m.id === 'shellcheck' || m.aliases.some((a) => /^DL\d{4}$/.test(a) && a !== 'DL1001' && a !== 'DL3057')).map((m) => m.id);
    expect([...presetRules('hadolint', metas).keys()].sort()).toEqual(expected.sort());
  });

  it('buildkit: the rules of every BuildKit check (as warnings), the experimental InvalidDefinitionDescription aside', () => {
    const buildkit = presetRules('buildkit', metas);
    const checks = new Set(metas.filter((m) => buildkit.has(m.id)).flatMap((m) => m.aliases.filter((a) => BUILDKIT_CHECKS.has(a))));
    expect([...BUILDKIT_CHECKS].filter((c) => !checks.has(c)).sort()).toEqual(['InvalidDefinitionDescription']);
    // it reports only when images are resolved, and is not in recommended
    expect(buildkit.get('invalid-base-image-platform')).toBe('warning');
    expect(presetRules('recommended', metas).has('invalid-base-image-platform')).toBe(false);
    // multiple-cmd is MultipleInstructionsDisallowed there, ENTRYPOINT and HEALTHCHECK included
    expect(buildkit.has('multiple-entrypoint')).toBe(false);
    expect(buildkit.has('healthcheck-duplicate')).toBe(false);
    expect([...buildkit].filter(([id, severity]) => id !== 'syntax-error' && severity !== 'warning')).toEqual([]);
  });

  it('all: every rule at its own severity', () => {
    expect(presetRules('all', metas)).toEqual(new Map(metas.map((m) => [m.id, m.severity])));
  });
});

describe('rule docs', () => {
  it('list the presets a rule is in, with its severity there, and how a rule differs per preset when it says', () => {
    // a rule of no table of its own: its presets follow from its aliases
    const base = metas.find((m) => m.id === 'healthcheck-missing')!;
    const meta = { ...base, id: 'made-up', aliases: ['DL9998', 'StageNameCasing'], severity: 'info' as const, docs: { ...base.docs, presets: 'In `buildkit`, BuildKit\'s exact name matching.' } };
    const doc = renderRuleDoc(meta);
    expect(doc).toMatch(/^- Presets: `hadolint` \(info\), `buildkit` \(warning\), `all` \(info\)$/m);
    expect(doc.endsWith('## How presets differ\n\nIn `buildkit`, BuildKit\'s exact name matching.\n')).toBe(true);
    expect(renderRuleDoc(metas.find((m) => m.id === 'healthcheck-missing')!)).toMatch(/^- Presets: `all` \(info\)$/m);
  });
});
