/**
 * The pattern matcher against JavaScript's backtracking RegExp, which has the
 * same leftmost-first priorities as Go's regexp that BuildKit uses.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { removePrefix, replaceMatches } from '../../src/parser/expansion/pattern.ts';

const textChar = fc.constantFrom('a', 'b', '\n', '한', '𝑥');
const patternChar = fc.constantFrom('a', 'b', '\n', '한', '𝑥', '?', '*', '*');
const text = fc.string({ unit: textChar, maxLength: 12 });
const pattern = fc.string({ unit: patternChar, maxLength: 6 });

function oracle(pat: string, greedy: boolean, anchored: boolean): RegExp {
  let source = anchored ? '^' : '';
  for (const ch of pat) {
    if (ch === '*') source += greedy ? '[^\\n]*' : '[^\\n]*?';
    else if (ch === '?') source += '[^\\n]';
    else source += ch === '\n' ? '\\n' : ch;
  }
  return new RegExp(source, 'u');
}

describe('pattern matching', () => {
  it('removes the same prefix as the equivalent regexp', () => {
    fc.assert(
      fc.property(text, pattern, fc.boolean(), (value, pat, longest) => {
        const match = oracle(pat, longest, true).exec(value);
        const expected = match === null ? value : value.slice(match[0].length);
        expect(removePrefix(value, pat, longest)).toBe(expected);
      }),
      { numRuns: 5000 },
    );
  });

  it('replaces the same first match as the equivalent regexp', () => {
    fc.assert(
      fc.property(text, pattern, (value, pat) => {
        const expected = value.replace(oracle(pat, true, false), () => '<>');
        expect(replaceMatches(value, pat, '<>', false)).toBe(expected);
      }),
      { numRuns: 5000 },
    );
  });
});
