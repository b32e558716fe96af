import { describe, expect, it } from 'vitest';
import { LineIndex } from '../src/parser/source.ts';

describe('LineIndex', () => {
  it('maps offsets to 1-based lines and columns; only LF ends a line, as in BuildKit', () => {
    const idx = new LineIndex('ab\ncd\r\nef\rg');
    expect(idx.position(0)).toEqual({ offset: 0, line: 1, column: 1 });
    expect(idx.position(3)).toEqual({ offset: 3, line: 2, column: 1 });
    expect(idx.position(5)).toEqual({ offset: 5, line: 2, column: 3 });
    expect(idx.position(7)).toEqual({ offset: 7, line: 3, column: 1 });
    expect(idx.position(10)).toEqual({ offset: 10, line: 3, column: 4 });
    expect(idx.offsetAt(3, 2)).toBe(8);
  });
});
