import { describe, expect, it } from 'vitest';
import { applyEdits, fixText } from '../../src/fix/apply.ts';
import { unifiedDiff } from '../../src/fix/diff.ts';
import { Linter } from '../../src/linter/linter.ts';
import { defineRule } from '../../src/linter/rule.ts';
import type { Finding, Fix } from '../../src/linter/types.ts';

/** the findings of a rule whose fix is whatever the test wants for each RUN (a rule in no preset: enableAll runs it) */
function ruleFixing(makeFix: (text: string, start: number, end: number) => Fix | undefined): (text: string) => Finding[] {
  const linter = new Linter([
    defineRule({
      meta: { id: 'test-rule', aliases: [], severity: 'warning', category: 'style', docs: { summary: 's', description: 'd', why: 'w', bad: 'b', good: 'g' } },
      create: (ctx) => ({
        RUN(ins) {
          const f = makeFix(ctx.source, ins.start, ins.end);
          ctx.report({ span: ins, message: 'm', ...(f ? { fix: f } : {}) });
        },
      }),
    }),
  ]);
  return (text) => linter.lint(text, { enableAll: true }).findings;
}

describe('fixText', () => {
  it('applies non-overlapping fixes in one pass and overlapping ones in the next', () => {
    // lower-cases one RUN keyword per fix; the second fix on the same range waits a pass
    const lint = ruleFixing((text, start) => (text.slice(start, start + 3) === 'RUN' ? { description: 'lower', safety: 'safe', edits: [{ start, end: start + 3, text: 'run' }] } : undefined));
    const out = fixText('FROM a\nRUN x\nRUN y\n', lint, { unsafe: false });
    expect(out.output).toBe('FROM a\nrun x\nrun y\n');
    expect(out.applied.map((a) => a.line)).toEqual([2, 3]);
    expect(out.passes).toBe(1);
  });

  it('drops a fix whose result would not parse, and reports it', () => {
    const lint = ruleFixing((_text, start, end) => ({ description: 'break', safety: 'safe', edits: [{ start, end, text: 'CMD [1]' }] }));
    const out = fixText('FROM a\nRUN x\n', lint, { unsafe: false });
    expect(out.output).toBe('FROM a\nRUN x\n');
    expect(out.dropped.map((d) => d.ruleId)).toEqual(['test-rule']);
  });

  it('applies unsafe fixes only when asked, and stops at the pass limit', () => {
    const lint = ruleFixing((_text, start, end) => ({ description: 'grow', safety: 'unsafe', edits: [{ start: end, end, text: ' y' }] }));
    expect(fixText('FROM a\nRUN x\n', lint, { unsafe: false }).output).toBe('FROM a\nRUN x\n');
    const capped = fixText('FROM a\nRUN x\n', lint, { unsafe: true, maxPasses: 3 });
    expect(capped.output).toBe('FROM a\nRUN x y y y\n');
    expect(capped.passes).toBe(3);
  });

  it('applyEdits keeps the text outside the edits and orders edits by position', () => {
    expect(applyEdits('abcdef', [{ start: 4, end: 5, text: 'E' }, { start: 0, end: 1, text: 'A' }, { start: 2, end: 2, text: '+' }])).toBe('Ab+cdEf');
  });
});

describe('unifiedDiff', () => {
  it('prints hunks with context, and marks a missing final newline', () => {
    const diff = unifiedDiff('a\nb\nc\n', 'a\nB\nc', 'a/f', 'b/f');
    expect(diff).toBe('--- a/f\n+++ b/f\n@@ -1,3 +1,3 @@\n a\n-b\n-c\n+B\n+c\n\\ No newline at end of file\n');
    expect(unifiedDiff('same\n', 'same\n', 'a', 'b')).toBe('');
  });
});
