/**
 * The fix-safety cases at lint level, everywhere (no engine): the fixes `--fix` and
 * `--fix --unsafe-fixes` apply are the ones the case expects, and the fixed file re-parses
 * and is stable under a second fix. The build proof is in *.integration.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { checkFix } from '../../src/fix/check.ts';
import { appliedRules, caseLinter, headline, loadCases } from './cases.ts';
import { isKnownBroken } from './known-broken.ts';

const cases = loadCases();
for (const c of cases) if (c.unavailable) console.warn(`[fix-safety] skipping ${c.name}: ${c.unavailable}`);

describe('fix-safety cases: the fixes offered', () => {
  it('there are at least 25 cases, each with a rule whose fix it exercises', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
    for (const c of cases) expect(c.spec.rules.length, c.name).toBeGreaterThan(0);
  });

  for (const c of cases) {
    const test = c.unavailable ? it.skip : isKnownBroken(c.name, 'lint') ? it.fails : it;
    test(`${c.name}: ${headline(c)}`, async () => {
      const lint = await caseLinter(c);
      for (const variant of ['safe', 'unsafe'] as const) {
        const check = checkFix(c.dockerfile, lint, variant === 'unsafe');
        expect(check.reparses, `${variant}: the fixed file has new syntax errors`).toBe(true);
        expect(check.idempotent, `${variant}: fixing the fixed file changes it again`).toBe(true);
        const expected = c.spec.fixes?.[variant];
        if (expected) expect(appliedRules(check.outcome), `${variant} fixes`).toEqual(expected);
      }
    });
  }
});
