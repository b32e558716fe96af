/**
 * The idiomatic set: well-written Dockerfiles in the style of the Docker docs and the official
 * images, each in its own folder (its build context, with its .dockerignore and the files it
 * copies). Linted with the `recommended` preset they draw no warning or error, and at most two
 * infos in all: a default that complains about good files gets switched off.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getLinter } from '../../src/linter/index.ts';
import type { RuleSetting } from '../../src/linter/linter.ts';
import { presetRules } from '../../src/linter/presets.ts';
import type { Finding } from '../../src/linter/types.ts';
import { loadContext } from '../../src/model/context.ts';
import type { CopyInstruction } from '../../src/parser/ast.ts';

const IDIOMATIC_DIR = fileURLToPath(new URL('idiomatic/', import.meta.url));
const MIN_FILES = 20;
const MAX_INFOS = 2;

const linter = getLinter();
// the preset named explicitly, every other rule off: the test does not depend on the linter's default
const preset = presetRules('recommended', linter.metas);
const rules: Record<string, RuleSetting> = Object.fromEntries(linter.metas.map((m) => [m.id, preset.get(m.id) ?? 'off']));

const format = (name: string, f: Finding) =>
  `${name}/Dockerfile:${f.range.start.line}:${f.range.start.column} ${f.severity} ${f.ruleId}: ${f.message}`;

describe('idiomatic Dockerfiles under the recommended preset', () => {
  const names = readdirSync(IDIOMATIC_DIR, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const results = names.map((name) => {
    const dir = join(IDIOMATIC_DIR, name);
    const path = join(dir, 'Dockerfile');
    const { findings, df } = linter.lint(readFileSync(path, 'utf8'), {
      filePath: path, preset: 'recommended', rules, context: loadContext(dir, path),
    });
    return { name, dir, df, findings: findings.filter((f) => f.suppressed === undefined) };
  });

  it(`has at least ${MIN_FILES} Dockerfiles, each with its .dockerignore`, () => {
    expect(names.length).toBeGreaterThanOrEqual(MIN_FILES);
    expect(names.filter((n) => !existsSync(join(IDIOMATIC_DIR, n, '.dockerignore')))).toEqual([]);
  });

  it('every file a Dockerfile copies from its build context is in its folder', () => {
    const missing: string[] = [];
    for (const { name, dir, df } of results) {
      for (const ins of df.instructions) {
        if (ins.keyword !== 'COPY' && ins.keyword !== 'ADD') continue;
        if (ins.flags.some((f) => f.name === 'from')) continue;
        for (const source of (ins as CopyInstruction).sources) {
          const path = source.value;
          // heredocs, URLs, globs and variables are not plain paths of the context
          if (path.startsWith('<<') || /^[a-z]+:\/\//.test(path) || /[*?[$]/.test(path)) continue;
          if (!existsSync(join(dir, path))) missing.push(`${name}: ${path}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  for (const { name, findings } of results) {
    it(`${name}: no warning or error`, () => {
      expect(findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => format(name, f))).toEqual([]);
    });
  }

  it(`at most ${MAX_INFOS} infos over the whole set`, () => {
    const infos = results.flatMap(({ name, findings }) => findings.filter((f) => f.severity === 'info').map((f) => format(name, f)));
    expect(infos.length, infos.join('\n')).toBeLessThanOrEqual(MAX_INFOS);
  });
});
