import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  expandWord,
  expandWords,
  ExpansionError,
  findVariableReferences,
} from '../../src/parser/expansion/index.ts';

// Bias strings towards the syntax so the interesting paths get exercised.
const syntaxChar = fc.constantFrom(
  '$', '{', '}', ':', '-', '+', '?', '#', '%', '/', '*', '\\', '`', "'", '"', ' ', '\n', 'A', 'B', 'x', '0', '@', '한', '𝑥', '\uFEFF', '\uD800',
);
// Fragments that combine into mostly valid expansions, so successful results are common.
const fragment = fc.constantFrom(
  '$A', '$B', '$x', '${A', '${B', '${x', '}', ':-', '-', ':+', '+', '?', '#', '##', '%', '%%', '/', '//',
  '"', "'", '\\', '`', ' ', '*', 'a', '$1', '$@', '${UNSET}', '$UNSET',
);
const word = fc.oneof(
  fc.string({ unit: syntaxChar, maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(fragment, { maxLength: 12 }).map((parts) => parts.join('')),
);
const escape = fc.constantFrom<'\\' | '`'>('\\', '`');
const env = new Map([
  ['A', 'a *b\\'],
  ['B', ''],
  ['x', '$0 ? }'],
]);

function attempt<T>(run: () => T, text: string): T | undefined {
  try {
    return run();
  } catch (error) {
    expect(error).toBeInstanceOf(ExpansionError);
    const { offset, end } = error as ExpansionError;
    expect(0 <= offset && offset <= end && end <= text.length).toBe(true);
    return undefined;
  }
}

describe('properties', () => {
  it('expandWord and expandWords return or throw ExpansionError, nothing else', () => {
    fc.assert(
      fc.property(word, escape, (text, esc) => {
        const single = attempt(() => expandWord(text, env, esc), text);
        const split = attempt(() => expandWords(text, env, esc), text);
        // splitting never changes whether a word is valid
        expect(single === undefined).toBe(split === undefined);
      }),
      { numRuns: 3000 },
    );
  });

  it('findVariableReferences never throws and stays in bounds', () => {
    fc.assert(
      fc.property(word, escape, (text, esc) => {
        for (const ref of findVariableReferences(text, esc)) {
          expect(text[ref.start]).toBe('$');
          expect(ref.start < ref.nameStart && ref.nameStart < ref.nameEnd && ref.nameEnd <= ref.end).toBe(true);
          expect(ref.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(ref.nameStart, ref.nameEnd)).toBe(ref.name);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('findVariableReferences lists exactly the names a successful expansion looks up', () => {
    fc.assert(
      fc.property(word, escape, (text, esc) => {
        const result = attempt(() => expandWord(text, env, esc), text);
        if (result === undefined) return;
        const looked = new Set([...result.matched, ...result.unmatched]);
        const found = new Set(findVariableReferences(text, esc).map((r) => r.name));
        expect([...found].sort()).toEqual([...looked].sort());
      }),
      { numRuns: 3000 },
    );
  });
});
