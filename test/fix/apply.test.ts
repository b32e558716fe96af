import { describe, expect, it } from 'vitest';
import { applyEdits, fixText } from '../../src/fix/apply.ts';
import { unifiedDiff } from '../../src/fix/diff.ts';
import { Linter } from '../../src/linter/linter.ts';
import { defineRule, type Rule } from '../../src/linter/rule.ts';
import type { Fix } from '../../src/linter/types.ts';

type MakeFix = (text: string, start: number, end: number) => Fix | undefined;

/** a rule whose fix is whatever the test wants for each RUN (ONBUILD triggers included) */
function fixingRule(id: string, makeFix: MakeFix) {
  return defineRule({
    meta: { id, aliases: [], severity: 'warning', category: 'style', docs: { summary: 's', description: 'd', why: 'w', bad: 'b', good: 'g' } },
    create: (ctx) => ({
      RUN(ins) {
        const f = makeFix(ctx.source, ins.start, ins.end);
        ctx.report({ span: ins, message: 'm', ...(f ? { fix: f } : {}) });
      },
    }),
  });
}

/** a linter of these rules, each on (they are in no preset) */
function linterOf(rules: Rule[]) {
  const linter = new Linter(rules);
  return { lint: (text: string) => linter.lint(text, { enableAll: true }) };
}

function ruleFixing(makeFix: MakeFix) {
  return linterOf([fixingRule('test-rule', makeFix)]);
}

const edit = (start: number, end: number, text: string, safety: Fix['safety'] = 'safe'): Fix => ({ description: 'd', safety, edits: [{ start, end, text }] });

describe('fixText', () => {
  it('applies non-overlapping fixes in one pass and overlapping ones in the next', () => {
    // lower-cases one RUN keyword per fix; the second fix on the same range waits a pass
    const linter = ruleFixing((text, start) => (text.slice(start, start + 3) === 'RUN' ? { description: 'lower', safety: 'safe', edits: [{ start, end: start + 3, text: 'run' }] } : undefined));
    const out = fixText('FROM a\nRUN x\nRUN y\n', (t) => linter.lint(t).findings, { unsafe: false });
    expect(out.output).toBe('FROM a\nrun x\nrun y\n');
    expect(out.applied.map((a) => a.line)).toEqual([2, 3]);
    expect(out.passes).toBe(1);
  });

  it('drops a fix whose result would not parse, and reports it', () => {
    const linter = ruleFixing((_text, start, end) => ({ description: 'break', safety: 'safe', edits: [{ start, end, text: 'CMD [1]' }] }));
    const out = fixText('FROM a\nRUN x\n', (t) => linter.lint(t).findings, { unsafe: false });
    expect(out.output).toBe('FROM a\nRUN x\n');
    expect(out.dropped).toEqual([expect.objectContaining({ ruleId: 'test-rule', reason: expect.stringMatching(/^the Dockerfile would not parse: /) })]);
  });

  it('applies unsafe fixes only when asked, and stops at the pass limit', () => {
    const linter = ruleFixing((_text, start, end) => ({ description: 'grow', safety: 'unsafe', edits: [{ start: end, end, text: ' y' }] }));
    const lint = (t: string) => linter.lint(t).findings;
    expect(fixText('FROM a\nRUN x\n', lint, { unsafe: false }).output).toBe('FROM a\nRUN x\n');
    const capped = fixText('FROM a\nRUN x\n', lint, { unsafe: true, maxPasses: 3 });
    expect(capped.output).toBe('FROM a\nRUN x y y y\n');
    expect(capped.passes).toBe(3);
  });

  it('drops a fix that leaves a RUN script that no longer parses as shell, and keeps the others', () => {
    // cuts the script after `then b;`: the `fi` goes, as cleanup-in-separate-layer once did
    const linter = ruleFixing((text, start, end) => {
      const cut = text.slice(start, end).indexOf('; fi');
      if (cut >= 0) return edit(start + cut, end, '');
      return text.slice(start, end).endsWith(' c') ? undefined : edit(end, end, ' && c');
    });
    const out = fixText('FROM a\nRUN if a; then b; fi && rm x\nRUN d\n', (t) => linter.lint(t).findings, { unsafe: false });
    expect(out.output).toBe('FROM a\nRUN if a; then b; fi && rm x\nRUN d && c\n');
    expect(out.dropped).toEqual([expect.objectContaining({ ruleId: 'test-rule', line: 2, reason: "a RUN's shell script would not parse: expected 'fi'" })]);
  });

  it('drops a broken fix of an ONBUILD RUN, and one that only adds to a script that already had an error', () => {
    const unquote = ruleFixing((_text, _start, end) => edit(end, end, " 'x"));
    const onbuild = fixText('FROM a\nONBUILD RUN b\n', (t) => unquote.lint(t).findings, { unsafe: false });
    expect(onbuild.output).toBe('FROM a\nONBUILD RUN b\n');
    expect(onbuild.dropped[0]!.reason).toBe("a RUN's shell script would not parse: unterminated single quote");
    // `b )` has one error already: a fix adding a second is refused, one adding none is not
    const broken = fixText('FROM a\nRUN b )\n', (t) => unquote.lint(t).findings, { unsafe: false });
    expect(broken.output).toBe('FROM a\nRUN b )\n');
    const harmless = ruleFixing((text, start) => (text.startsWith('RUN c', start) ? undefined : edit(start + 4, start + 4, 'c && ')));
    expect(fixText('FROM a\nRUN b )\n', (t) => harmless.lint(t).findings, { unsafe: false }).output).toBe('FROM a\nRUN c && b )\n');
  });

  it('applies two fixes of one RUN in separate passes, the second computed on the text the first left', () => {
    // each rule adds its command once; computed on the same text, the two appends would also be
    // fine, but a fix may depend on what is there (here: `second` appends after whatever ends the RUN)
    const first = fixingRule('first', (text, start, end) => (text.slice(start, end).includes('one') ? undefined : edit(start + 4, start + 4, 'one && ')));
    const second = fixingRule('second', (text, start, end) => (text.slice(start, end).includes('two') ? undefined : edit(end, end, ' && two')));
    const linter = linterOf([first, second]);
    const out = fixText('FROM a\nRUN x\nRUN y\n', (t) => linter.lint(t).findings, { unsafe: false });
    expect(out.output).toBe('FROM a\nRUN one && x && two\nRUN one && y && two\n');
    expect(out.passes).toBe(2); // one fix per RUN per pass
    expect(out.applied.map((a) => a.ruleId)).toEqual(['first', 'first', 'second', 'second']);
  });

  it('applies one rule\'s fixes of one RUN in one pass (made together, from one reading of it)', () => {
    // a finding per lower-case `x` word, and another rule's fix of the same RUN
    const each = defineRule({
      meta: { id: 'each-x', aliases: [], severity: 'warning', category: 'style', docs: { summary: 's', description: 'd', why: 'w', bad: 'b', good: 'g' } },
      create: (ctx) => ({
        RUN(ins) {
          for (let at = ctx.source.indexOf(' x', ins.start); at >= 0 && at < ins.end; at = ctx.source.indexOf(' x', at + 1)) {
            ctx.report({ span: { start: at + 1, end: at + 2 }, message: 'm', fix: edit(at + 1, at + 2, 'X') });
          }
        },
      }),
    });
    const other = fixingRule('other', (text, start, end) => (text.slice(start, end).endsWith(' y') ? undefined : edit(end, end, ' y')));
    const linter = linterOf([each, other]);
    const out = fixText('FROM a\nRUN x x x\n', (t) => linter.lint(t).findings, { unsafe: false });
    expect(out.output).toBe('FROM a\nRUN X X X y\n');
    expect(out.applied.map((a) => a.ruleId)).toEqual(['each-x', 'each-x', 'each-x', 'other']);
    expect(out.passes).toBe(2);
  });

  it('does not blame a fix for an error the RUN it did not change already had', () => {
    // the last RUN's heredoc script does not parse, and the file ends without a line break; a
    // line appended after it makes the RUN end with one, and leaves its script as it was
    const linter = ruleFixing((text) => (text.includes('USER') ? undefined : edit(text.length, text.length, '\nUSER app\n')));
    const out = fixText('FROM a\nRUN <<EOF\necho "x\nEOF', (t) => linter.lint(t).findings, { unsafe: false });
    expect(out.dropped).toEqual([]);
    expect(out.output).toBe('FROM a\nRUN <<EOF\necho "x\nEOF\nUSER app\n');
  });

  it('gives a file with syntax errors no fixes, and says why', () => {
    const linter = ruleFixing((_text, _start, end) => edit(end, end, ' y'));
    const out = fixText('FROM a\nRUN x\nFOM b\n', (t) => linter.lint(t).findings, { unsafe: true });
    expect(out.output).toBe('FROM a\nRUN x\nFOM b\n');
    expect(out.applied).toEqual([]);
    expect(out.syntaxError).toBe('line 3: unknown instruction: FOM (did you mean FROM?)');
  });

  it('keeps the byte order mark first', () => {
    const linter = ruleFixing((text, _start, end) => (text.includes(' y') ? undefined : { description: 'd', safety: 'safe', edits: [{ start: 0, end: 0, text: '# syntax=docker/dockerfile:1\n' }, { start: end, end, text: ' y' }] }));
    const out = fixText('\uFEFFFROM a\nRUN x\n', (t) => linter.lint(t).findings, { unsafe: false });
    expect(out.output).toBe('\uFEFFFROM a\nRUN x\n');
    expect(out.dropped[0]!.reason).toBe('it would move the byte order mark');
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
