/**
 * ESLint-style table-driven rule tests: `valid` snippets produce no finding of the
 * rule, `invalid` ones produce exactly the listed findings, and `output` /
 * `unsafeOutput` are the text after applying the rule's safe / all fixes. Every
 * output must parse without new errors and fix to itself (idempotence).
 */
import { describe, expect, it } from 'vitest';
import { fixText } from '../../src/fix/apply.ts';
import { Linter, type LintOptions } from '../../src/linter/linter.ts';
import type { Rule } from '../../src/linter/rule.ts';
import { parseDockerfile } from '../../src/parser/index.ts';

export interface ValidCase {
  code: string;
  name?: string;
  options?: LintOptions;
}

export interface ExpectedError {
  message?: string | RegExp;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
}

export interface InvalidCase extends ValidCase {
  errors: number | ExpectedError[];
  /** text after the rule's safe fixes; omitted = no safe fix changes the text */
  output?: string;
  /** text after all its fixes (safe and unsafe); omitted = same as `output` */
  unsafeOutput?: string;
}

export function ruleTester(rule: Rule, cases: { valid: (string | ValidCase)[]; invalid: InvalidCase[] }): void {
  const linter = new Linter([rule]);
  // rules that are off by default (opt-in) are tested all the same
  const findingsOf = (code: string, options?: LintOptions) =>
    linter.lint(code, { enableAll: true, ...options }).findings.filter((f) => f.ruleId === rule.meta.id && !f.suppressed);

  describe(rule.meta.id, () => {
    describe('valid', () => {
      for (const c of cases.valid.map((v) => (typeof v === 'string' ? { code: v } : v))) {
        it(c.name ?? JSON.stringify(c.code), () => {
          expect(findingsOf(c.code, c.options).map((f) => f.message)).toEqual([]);
        });
      }
    });
    describe('invalid', () => {
      for (const c of cases.invalid) {
        it(c.name ?? JSON.stringify(c.code), () => {
          const findings = findingsOf(c.code, c.options);
          if (typeof c.errors === 'number') {
            expect(findings.length, findings.map((f) => f.message).join('; ')).toBe(c.errors);
          } else {
            expect(findings.length, findings.map((f) => `${f.range.start.line}: ${f.message}`).join('; ')).toBe(c.errors.length);
            c.errors.forEach((e, i) => {
              const f = findings[i]!;
              if (e.message instanceof RegExp) expect(f.message).toMatch(e.message);
              else if (e.message !== undefined) expect(f.message).toBe(e.message);
              if (e.line !== undefined) expect(f.range.start.line).toBe(e.line);
              if (e.column !== undefined) expect(f.range.start.column).toBe(e.column);
              if (e.endLine !== undefined) expect(f.range.end.line).toBe(e.endLine);
              if (e.endColumn !== undefined) expect(f.range.end.column).toBe(e.endColumn);
            });
          }
          const lint = (text: string) => findingsOf(text, c.options);
          const safe = fixText(c.code, lint, { unsafe: false });
          expect(safe.output).toBe(c.output ?? c.code);
          const all = fixText(c.code, lint, { unsafe: true });
          expect(all.output).toBe(c.unsafeOutput ?? c.output ?? c.code);
          // each output is a fixed point of the fixes that produced it
          for (const [out, unsafe] of [[safe.output, false], [all.output, true]] as const) {
            const before = parseDockerfile(c.code).errors.length;
            expect(parseDockerfile(out).errors.length).toBeLessThanOrEqual(before);
            expect(fixText(out, lint, { unsafe }).output).toBe(out);
          }
        });
      }
    });
  });
}
