/**
 * A Dockerfile's line structure over the lexer's tokens: which tokens form a directive line, a
 * comment line, a blank line or one instruction (with its continuations and heredoc bodies).
 *
 *   line        := Bom | Whitespace content? | content
 *   content     := Directive Newline? | Comment Newline? | Newline
 *                | (Text | Continuation) instruction-part* InstructionEnd?
 *
 * The grammar is regular and the lexer's modes already decide every token, so one pass over the
 * tokens groups them. It was a Chevrotain parser, whose grammar recording cost every process
 * ~4 ms at start for this (docs/performance.md); Chevrotain still lexes.
 */
import type { IToken, TokenType } from 'chevrotain';
import type { DockerfileLexer } from './lexer.ts';

export type LineGroupKind = 'bom' | 'directive' | 'comment' | 'blank' | 'instruction';

export interface LineGroup {
  kind: LineGroupKind;
  tokens: IToken[];
}

interface Kinds {
  contentStart: ReadonlySet<TokenType>;
  instructionPart: ReadonlySet<TokenType>;
}

const kindsOf = new WeakMap<DockerfileLexer, Kinds>();

function kinds(lexer: DockerfileLexer): Kinds {
  let k = kindsOf.get(lexer);
  if (!k) {
    const t = lexer.tokens;
    k = {
      contentStart: new Set([t.Directive, t.Comment, t.Newline, t.Text, t.Continuation]),
      instructionPart: new Set([t.Whitespace, t.InstructionText, t.InstructionContinuation, t.ContinuationComment, t.EmptyContinuationLine]),
    };
    kindsOf.set(lexer, k);
  }
  return k;
}

export function groupLines(lexer: DockerfileLexer, tokens: readonly IToken[]): LineGroup[] {
  const t = lexer.tokens;
  const { contentStart, instructionPart } = kinds(lexer);
  const groups: LineGroup[] = [];
  const n = tokens.length;
  let i = 0;
  while (i < n) {
    let tok = tokens[i++]!;
    if (tok.tokenType === t.Bom) {
      groups.push({ kind: 'bom', tokens: [tok] });
      continue;
    }
    const own: IToken[] = [];
    if (tok.tokenType === t.Whitespace) {
      own.push(tok);
      // blanks alone (before another line's blanks or the end of the file) make a blank line
      if (i === n || !contentStart.has(tokens[i]!.tokenType)) {
        groups.push({ kind: 'blank', tokens: own });
        continue;
      }
      tok = tokens[i++]!;
    }
    own.push(tok);
    const type = tok.tokenType;
    let kind: LineGroupKind;
    if (type === t.Directive || type === t.Comment) {
      kind = type === t.Directive ? 'directive' : 'comment';
      if (i < n && tokens[i]!.tokenType === t.Newline) own.push(tokens[i++]!);
    } else if (type === t.Newline) {
      kind = 'blank';
    } else if (type === t.Text || type === t.Continuation) {
      kind = 'instruction';
      while (i < n && instructionPart.has(tokens[i]!.tokenType)) own.push(tokens[i++]!);
      if (i < n && tokens[i]!.tokenType === t.InstructionEnd) own.push(tokens[i++]!);
    } else {
      // the lexer's modes make this impossible; a wrong tree would be worse than stopping
      throw new Error(`internal structure error: ${type.name} at offset ${tok.startOffset} starts no line`);
    }
    groups.push({ kind, tokens: own });
  }
  return groups;
}
