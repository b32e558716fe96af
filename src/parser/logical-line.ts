import type { Span } from './ast.ts';

/**
 * An instruction's physical lines joined the way BuildKit joins them (continuations
 * and the comment/blank lines inside them removed), with a map back to the source:
 * every logical offset maps to the source offset of the same character.
 */
export class LogicalLine {
  /** logical start offset of each segment, ascending */
  private logicalStarts: number[] = [];
  /** source start offset of each segment */
  private sourceStarts: number[] = [];
  text = '';
  /** source offset just after the last character */
  private sourceEnd = 0;

  append(piece: string, sourceStart: number): void {
    if (piece.length === 0) return;
    if (this.logicalStarts.length === 0) {
      // most lines have one segment: a literal of one element is sized to it, where a push
      // would give room for 17 (~300 bytes more per instruction, kept with the syntax tree)
      this.logicalStarts = [this.text.length];
      this.sourceStarts = [sourceStart];
    } else {
      this.logicalStarts.push(this.text.length);
      this.sourceStarts.push(sourceStart);
    }
    this.text += piece;
    this.sourceEnd = sourceStart + piece.length;
  }

  /** source offset of a logical offset; `text.length` maps to just after the last character */
  toSource(logical: number): number {
    const starts = this.logicalStarts;
    if (starts.length === 0) return this.sourceEnd;
    if (logical >= this.text.length) return this.sourceEnd;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= logical) lo = mid;
      else hi = mid - 1;
    }
    return this.sourceStarts[lo]! + (logical - starts[lo]!);
  }

  /** each piece that is contiguous in the source: its logical start and the source offset of that start */
  forEachPiece(visit: (logicalStart: number, sourceStart: number) => void): void {
    for (let k = 0; k < this.logicalStarts.length; k++) visit(this.logicalStarts[k]!, this.sourceStarts[k]!);
  }

  /** the logical characters [start, end) as a line of their own, still mapped to the source */
  slice(start: number, end: number): LogicalLine {
    const sub = new LogicalLine();
    let pos = start;
    while (pos < end) {
      // copy maximal runs that are contiguous in the source
      const sourcePos = this.toSource(pos);
      let runEnd = pos + 1;
      while (runEnd < end && this.toSource(runEnd) === sourcePos + (runEnd - pos)) runEnd++;
      sub.append(this.text.slice(pos, runEnd), sourcePos);
      pos = runEnd;
    }
    if (start >= end) sub.sourceEnd = this.toSource(start);
    return sub;
  }

  /** source span of a logical [start, end): the end maps after the last included character */
  spanToSource(start: number, end: number): Span {
    const s = this.toSource(start);
    if (end <= start) return { start: s, end: s };
    return { start: s, end: this.toSource(end - 1) + 1 };
  }
}
