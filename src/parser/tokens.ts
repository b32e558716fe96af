/**
 * The syntax tokens of a whole file, packed: a kind, a start and an end per token (9 bytes,
 * where token objects with their images took ~110 bytes: 110 MB of a 20 MB file's tree), and
 * where each top-level node's tokens begin. Tokens are made into objects only when asked for
 * (printing, a rule that looks at an instruction's physical lines).
 */
import type { Dockerfile, SyntaxToken, TokenKind, TopLevelNode } from './ast.ts';

const KINDS: readonly TokenKind[] = [
  'bom', 'directive', 'comment', 'whitespace', 'newline', 'text', 'continuation', 'continuation-comment',
  'empty-continuation-line', 'heredoc-body', 'heredoc-terminator',
];
const KIND_INDEX = new Map(KINDS.map((k, i) => [k, i]));

export class TokenStore {
  private kinds: Uint8Array;
  private starts: Int32Array;
  private ends: Int32Array;
  private count = 0;
  /** index of each top-level node's first token, in node order */
  private nodeFirst: Int32Array;
  private nodes = 0;

  /**
   * Sized for a file of `lines` lines, so that most files never grow it (a typed array's
   * allocation is dear: growing from 16 cost 1% of a corpus run): a node per line at most (a
   * BOM aside), and a line has 3 tokens on average (text, blanks, line end).
   */
  constructor(lines = 4) {
    const tokens = lines * 4 + 8;
    this.kinds = new Uint8Array(tokens);
    this.starts = new Int32Array(tokens);
    this.ends = new Int32Array(tokens);
    this.nodeFirst = new Int32Array(lines + 2);
  }

  get size(): number {
    return this.count;
  }

  /** the tokens pushed from now on belong to the next top-level node */
  beginNode(): void {
    if (this.nodes === this.nodeFirst.length) this.nodeFirst = grow(this.nodeFirst);
    this.nodeFirst[this.nodes++] = this.count;
  }

  push(kind: TokenKind, start: number, end: number): void {
    if (this.count === this.kinds.length) {
      this.kinds = grow(this.kinds);
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
    }
    this.kinds[this.count] = KIND_INDEX.get(kind)!;
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.count++;
  }

  /** tokens [from, to) as objects, their images cut from `source` */
  slice(source: string, from: number, to: number): SyntaxToken[] {
    const out: SyntaxToken[] = [];
    for (let i = from; i < to; i++) {
      const start = this.starts[i]!;
      const end = this.ends[i]!;
      out.push({ kind: KINDS[this.kinds[i]!]!, image: source.slice(start, end), start, end });
    }
    return out;
  }

  /** the token range of the node-th top-level node */
  nodeRange(node: number): [number, number] {
    return [this.nodeFirst[node]!, node + 1 < this.nodes ? this.nodeFirst[node + 1]! : this.count];
  }
}

function grow<T extends Uint8Array | Int32Array>(array: T): T {
  const bigger = new (array.constructor as new (n: number) => T)(array.length * 2);
  bigger.set(array);
  return bigger;
}

/** every token of the file, in order: they spell the source byte for byte */
export function allTokens(df: Dockerfile): SyntaxToken[] {
  return df.tokens.slice(df.source, 0, df.tokens.size);
}

/**
 * The tokens of one top-level node (leading blanks, line terminator and heredoc bodies
 * included); none for a node not in `df.nodes` (an ONBUILD trigger).
 */
export function nodeTokens(df: Dockerfile, node: TopLevelNode): SyntaxToken[] {
  const i = nodeIndex(df.nodes, node);
  if (i === -1) return [];
  const [from, to] = df.tokens.nodeRange(i);
  return df.tokens.slice(df.source, from, to);
}

/** the tokens of the i-th node of `df.nodes`, for walking every node in order */
export function nodeTokensAt(df: Dockerfile, i: number): SyntaxToken[] {
  const [from, to] = df.tokens.nodeRange(i);
  return df.tokens.slice(df.source, from, to);
}

/**
 * A node's index: a binary search by start (nodes are in source order and start apart: even an
 * instruction with no text, a lone escape at the end of the file, starts at its own first token).
 * A node that is not this tree's is looked for by identity, and not found.
 */
function nodeIndex(nodes: readonly TopLevelNode[], node: TopLevelNode): number {
  let lo = 0;
  let hi = nodes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = nodes[mid]!;
    if (at === node) return mid;
    if (at.start < node.start) lo = mid + 1;
    else if (at.start > node.start) hi = mid - 1;
    else break;
  }
  return nodes.indexOf(node);
}
