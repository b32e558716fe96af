import { describe, expect, it } from 'vitest';
import { findVariableReferences } from '../../src/parser/expansion/index.ts';

describe('findVariableReferences', () => {
  it('lists plain, braced and nested references with exact offsets', () => {
    expect(findVariableReferences('$A ${B} ${C:-$D}')).toEqual([
      { name: 'A', start: 0, end: 2, braced: false, nameStart: 1, nameEnd: 2 },
      { name: 'B', start: 3, end: 7, braced: true, nameStart: 5, nameEnd: 6 },
      { name: 'C', start: 8, end: 16, braced: true, operator: ':-', nameStart: 10, nameEnd: 11 },
      { name: 'D', start: 13, end: 15, braced: false, nameStart: 14, nameEnd: 15 },
    ]);
  });

  it('skips single quotes and escaped dollars, reads double quotes', () => {
    expect(findVariableReferences(`'$E' \\$F "$G" "\\$H" "\\x$I"`).map((r) => [r.name, r.start, r.end])).toEqual([
      ['G', 10, 12],
      ['I', 23, 25],
    ]);
  });

  it('names every operator', () => {
    const text = '${A#x}${B##x}${C%x}${D%%x}${E/x/y}${F//x/y}${G-x}${H+x}${I?x}${J:-x}${K:+x}${L:?x}';
    expect(findVariableReferences(text).map((r) => r.operator)).toEqual([
      '#', '##', '%', '%%', '/', '//', '-', '+', '?', ':-', ':+', ':?',
    ]);
  });

  it('finds references in patterns and replacements', () => {
    expect(findVariableReferences('${A/$B/${C}}').map((r) => [r.name, r.start, r.end])).toEqual([
      ['A', 0, 12],
      ['B', 4, 6],
      ['C', 7, 11],
    ]);
  });

  it('recovers from unterminated and invalid syntax', () => {
    expect(findVariableReferences('${A:-$B').map((r) => [r.name, r.start, r.end, r.operator])).toEqual([
      ['A', 0, 7, ':-'],
      ['B', 5, 7, undefined],
    ]);
    expect(findVariableReferences('${} ${:-x} $ $. ${.}')).toEqual([]);
    expect(findVariableReferences('${A=x} $B').map((r) => [r.name, r.operator])).toEqual([
      ['A', undefined],
      ['B', undefined],
    ]);
    expect(findVariableReferences('${A:#x}$B').map((r) => [r.name, r.end, r.operator])).toEqual([
      ['A', 7, undefined],
      ['B', 9, undefined],
    ]);
  });

  it('reads names like BuildKit: digits, one special character, or letters', () => {
    expect(findVariableReferences('$1x $@@ ${999} $_a1 $𝑥y').map((r) => [r.name, r.nameStart, r.nameEnd])).toEqual([
      ['1', 1, 2],
      ['@', 5, 6],
      ['999', 10, 13],
      ['_a1', 16, 19],
      ['𝑥y', 21, 24],
    ]);
  });

  it('uses the backtick escape when asked', () => {
    expect(findVariableReferences('`$A \\$B', '`').map((r) => [r.name, r.start])).toEqual([['B', 5]]);
  });
});
