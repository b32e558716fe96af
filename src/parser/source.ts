/**
 * Positions in a source text. Offsets are 0-based UTF-16 indices into the text
 * exactly as read (BOM included); lines and columns are 1-based, and an end
 * position is exclusive (the column just after the last character), which is
 * what ESLint, SARIF and (after -1) LSP all expect.
 */
export interface Position {
  offset: number;
  line: number;
  column: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** Maps offsets to line/column in O(log lines). Built once per text. */
export class LineIndex {
  /** offset of the first character of each line */
  readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    // Only LF ends a line, as in BuildKit (CRLF ends with LF; a lone CR is content),
    // so our line numbers match the ones `docker build` reports.
    let i = text.indexOf('\n');
    while (i !== -1) {
      starts.push(i + 1);
      i = text.indexOf('\n', i + 1);
    }
    this.lineStarts = starts;
  }

  position(offset: number): Position {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { offset, line: lo + 1, column: offset - starts[lo]! + 1 };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  /** offset of a 1-based line and column */
  offsetAt(line: number, column: number): number {
    const start = this.lineStarts[Math.max(0, Math.min(line - 1, this.lineStarts.length - 1))]!;
    return Math.min(this.text.length, start + column - 1);
  }
}
