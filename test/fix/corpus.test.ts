import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFix } from '../../src/fix/check.ts';
import { getLinter } from '../../src/linter/index.ts';
import { SHARED } from '../helpers/shared.ts';

const dir = join(SHARED, 'corpus/real');
const files = readdirSync(dir).filter((f) => f !== 'README.md').sort();

describe('--fix --unsafe-fixes over the whole corpus', () => {
  it('re-parses, is idempotent, leaves no fixable finding of a fixed rule, and keeps files with nothing to fix identical', { timeout: 600_000 }, () => {
    const linter = getLinter();
    // every rule's fixes; ShellCheck's (a process per file and pass) has its own tests
    const options = { preset: 'all', rules: { shellcheck: 'off' } } as const;
    const problems: string[] = [];
    let changed = 0;
    for (const name of files) {
      const source = readFileSync(join(dir, name), 'utf8');
      const check = checkFix(source, (t) => linter.lint(t, options).findings, true);
      if (check.outcome.output !== source) changed++;
      if (check.outcome.applied.length === 0 && check.outcome.output !== source) problems.push(`${name}: changed without a fix`);
      if (!check.reparses) problems.push(`${name}: fixed text has new parse errors`);
      if (!check.idempotent) problems.push(`${name}: a second --fix changes the text again`);
      for (const f of check.leftovers) problems.push(`${name}:${f.range.start.line}: ${f.ruleId} still fixable after fixing`);
    }
    expect(problems).toEqual([]);
    expect(changed).toBeGreaterThan(0);
  });
});
