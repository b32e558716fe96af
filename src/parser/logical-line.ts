import type { Span } from './ast.ts';

/**
 * An instruction's physical lines joined the way BuildKit joins them (continuations
 * and the comment/blank lines inside them removed), with a map back to the source:
 * every logical offset maps to the source offset of the same character.
 */
export class LogicalLine {
  text = '';
  /** source offset of the first character */
  private sourceStart: number;
  /** source offset just after the last character */
  private sourceEnd: number;
  /**
   * From a second segment on: each segment's logical start and source start, flat. Most
   * instructions are one line, one segment: they keep no array (~110 bytes each, kept with the tree).
   */
  private segments: number[] | undefined;

  /**
   * `anchor`: where a line that gets no text sits in the source (an instruction that is only a
   * line continuation, such as a lone escape at the end of the file, which BuildKit reports on
   * its own line as an unknown instruction).
   */
  constructor(anchor = 0) {
    this.sourceStart = anchor;
    this.sourceEnd = anchor;
  }

  append(piece: string, sourceStart: number): void {
    if (piece.length === 0) return;
    if (this.text.length === 0) {
      this.sourceStart = sourceStart;
    } else {
      this.segments ??= [0, this.sourceStart];
      this.segments.push(this.text.length, sourceStart);
    }
    this.text += piece;
    this.sourceEnd = sourceStart + piece.length;
  }

  /** source offset of a logical offset; `text.length` maps to just after the last character */
  toSource(logical: number): number {
    if (logical >= this.text.length) return this.sourceEnd;
    const seg = this.segments;
    if (!seg) return this.sourceStart + logical;
    let lo = 0;
    let hi = seg.length / 2 - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (seg[2 * mid]! <= logical) lo = mid;
      else hi = mid - 1;
    }
    return seg[2 * lo + 1]! + (logical - seg[2 * lo]!);
  }

  /** each piece that is contiguous in the source: its logical start and the source offset of that start */
  forEachPiece(visit: (logicalStart: number, sourceStart: number) => void): void {
    if (this.text.length === 0) return;
    const seg = this.segments;
    if (!seg) {
      visit(0, this.sourceStart);
      return;
    }
    for (let k = 0; k < seg.length; k += 2) visit(seg[k]!, seg[k + 1]!);
  }

  /** the logical characters [start, end) as a line of their own, still mapped to the source */
  slice(start: number, end: number): LogicalLine {
    const sub = new LogicalLine(this.toSource(start));
    let pos = start;
    while (pos < end) {
      // copy maximal runs that are contiguous in the source
      const sourcePos = this.toSource(pos);
      let runEnd = pos + 1;
      while (runEnd < end && this.toSource(runEnd) === sourcePos + (runEnd - pos)) runEnd++;
      sub.append(this.text.slice(pos, runEnd), sourcePos);
      pos = runEnd;
    }
    return sub;
  }

  /** source span of a logical [start, end): the end maps after the last included character */
  spanToSource(start: number, end: number): Span {
    const s = this.toSource(start);
    if (end <= start) return { start: s, end: s };
    return { start: s, end: this.toSource(end - 1) + 1 };
  }
}
