/**
 * Runs hadolint's own rule cases (test/data/hadolint/cases.jsonl) through
 * our linter in the hadolint preset (its rules, severities and semantics) and measures
 * agreement per DL code. A case speaks only of findings
 * carrying its code (our rules list DL codes as aliases).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getLinter } from '../../src/linter/index.ts';
import type { LintOptions, RuleSetting } from '../../src/linter/linter.ts';
import { presetRules } from '../../src/linter/presets.ts';
import { shellcheckBinary } from '../../src/model/shellcheck.ts';
import { SHARED } from '../helpers/shared.ts';

export interface HadolintCase {
  id: string;
  rule: string;
  expect: 'catches' | 'not';
  onbuild: boolean;
  dockerfile: string;
  config?: {
    trustedRegistries?: string[];
    'label-schema'?: Record<string, string>;
    'strict-labels'?: boolean;
    ignored?: string[];
  };
  count?: number;
  title: string;
}

export function loadCases(): HadolintCase[] {
  return readFileSync(join(SHARED, 'hadolint/cases.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as HadolintCase);
}

export interface CaseOutcome {
  case: HadolintCase;
  agrees: boolean;
  /** how many findings carried the code */
  got: number;
  /** why the case was not run (it counts neither way) */
  skipped?: string;
}

let hadolint: ReadonlyMap<string, unknown> | undefined;

/** the rules the hadolint preset turns on */
function hadolintRules(): ReadonlyMap<string, unknown> {
  hadolint ??= presetRules('hadolint', getLinter().metas);
  return hadolint;
}

export function runCase(c: HadolintCase): CaseOutcome {
  if (c.rule === 'SC*' && !shellcheckBinary()) return { case: c, agrees: false, got: 0, skipped: 'shellcheck is not on PATH' };
  const linter = getLinter();
  // hadolint's own rule selection and severities, with the case's config on top
  const options: LintOptions = { preset: 'hadolint' };
  const rules: Record<string, RuleSetting> = {};
  // hadolint's spec runs a rule it ships off (DL1001, DL3057) all the same: its user would turn it on with `override`
  const own = linter.metas.find((m) => m.aliases.includes(c.rule));
  if (own !== undefined && !hadolintRules().has(own.id)) rules[own.id] = own.severity;
  if (c.config) {
    if (c.config.trustedRegistries) options.trustedRegistries = c.config.trustedRegistries;
    if (c.config['label-schema']) options.labelSchema = c.config['label-schema'];
    if (c.config['strict-labels'] !== undefined) options.strictLabels = c.config['strict-labels'];
    for (const code of c.config.ignored ?? []) {
      const meta = linter.metas.find((m) => m.aliases.includes(code) || m.id === code);
      if (meta) rules[meta.id] = 'off';
    }
  }
  if (Object.keys(rules).length > 0) options.rules = rules;
  const findings = linter.lint(c.dockerfile, options).findings.filter((f) => !f.suppressed);
  const matches = (aliases: readonly string[]) => {
    if (c.rule === '*') return aliases.some((a) => /^(DL|SC)\d+$/.test(a));
    if (c.rule === 'SC*') return aliases.some((a) => a.startsWith('SC'));
    return aliases.includes(c.rule);
  };
  const got = findings.filter((f) => matches([...f.aliases, f.ruleId])).length;
  const agrees = c.expect === 'not' ? got === 0 : c.count !== undefined ? got === c.count : got > 0;
  return { case: c, agrees, got };
}
