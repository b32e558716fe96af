/**
 * The Chevrotain lexer: splits a Dockerfile into lossless tokens, with two modes.
 * `line` is between instructions (comments, blank lines, directives); `instruction`
 * is inside one, where an escape character at the end of a line continues it and
 * comment or blank lines inside the continuation are skipped, as BuildKit does.
 * The line that ends an instruction also carries that instruction's heredoc bodies
 * (they are read right after it), split off again by the tree builder.
 *
 * One lexer per escape character, built once per process on first use.
 */
import { createToken, Lexer, type CustomPatternMatcherReturn, type IToken, type TokenType } from 'chevrotain';
import type { EscapeChar } from './ast.ts';
import { heredocMarkers, type HeredocMarker } from './heredoc.ts';
import { isSpace } from './line-parsers.ts';

// Go's unicode.IsSpace minus the line terminators; a CR not ending a line is a blank too.
const BLANK = '[ \\t\\v\\f\\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const LINE_END = '(?:\\r*\\n|\\r+$)';
const LONE_CR = '\\r(?!\\r*\\n|\\r*$)';
/** where a line's content ends: its terminator, or the end of the file */
const CONTENT_END = '(?:\\r*\\n|\\r*$)';

export interface HeredocBodyPayload {
  marker: HeredocMarker;
  /** offsets of the body (without the terminator line) */
  contentStart: number;
  contentEnd: number;
  /** terminator line incl. its line ending; undefined when unterminated */
  terminatorStart?: number;
  terminatorEnd?: number;
  /** the terminator only matches with stray blanks around it (BuildKit rejects this) */
  looseTerminator?: boolean;
}

export interface LineEndPayload {
  /** length of the line terminator itself, the rest of the image is heredoc bodies */
  newlineLength: number;
  heredocs: HeredocBodyPayload[];
}

export interface DockerfileLexer {
  /**
   * Tokens of `text`, or of a chunk of a larger text: `chunk.base` is the chunk's offset in the
   * file (tokens and payloads come back with file offsets), `chunk.truncated` says the file goes
   * on after it, so a heredoc without its exact terminator in the chunk runs to the chunk's end
   * (the caller lexes that instruction again with more text) rather than resuming at a loose one.
   */
  tokenize(text: string, directiveLines: ReadonlyMap<number, number>, chunk?: LexChunk): IToken[];
  tokens: LexerTokens;
}

export interface LexChunk {
  base: number;
  truncated: boolean;
}

export interface LexerTokens {
  Bom: TokenType;
  Directive: TokenType;
  Comment: TokenType;
  Whitespace: TokenType;
  Newline: TokenType;
  Text: TokenType;
  InstructionText: TokenType;
  Continuation: TokenType;
  InstructionContinuation: TokenType;
  ContinuationComment: TokenType;
  EmptyContinuationLine: TokenType;
  InstructionEnd: TokenType;
}

const lexers = new Map<EscapeChar, DockerfileLexer>();

export function getLexer(escape: EscapeChar): DockerfileLexer {
  let lexer = lexers.get(escape);
  if (!lexer) {
    lexer = buildLexer(escape);
    lexers.set(escape, lexer);
  }
  return lexer;
}

function buildLexer(escape: EscapeChar): DockerfileLexer {
  const E = escape === '\\' ? '\\\\' : '`';
  // per-tokenize state, read by the custom patterns
  let directiveLines: ReadonlyMap<number, number> = new Map();
  let base = 0;
  let truncated = false;

  const Bom = createToken({
    name: 'Bom',
    pattern: { exec: (text: string, offset: number) => (base + offset === 0 && text.charCodeAt(0) === 0xfeff ? match('\uFEFF') : null) },
    start_chars_hint: ['\uFEFF'],
    line_breaks: false,
  });
  const Directive = createToken({
    name: 'Directive',
    pattern: {
      exec: (text: string, offset: number) => {
        const length = directiveLines.get(base + offset);
        return length === undefined ? null : match(text.slice(offset, offset + length));
      },
    },
    start_chars_hint: ['#'],
    line_breaks: false,
  });
  const Comment = createToken({ name: 'Comment', pattern: new RegExp(`#(?:[^\\r\\n]|${LONE_CR})*`) });
  const Whitespace = createToken({ name: 'Whitespace', pattern: new RegExp(`(?:${BLANK}|${LONE_CR})+`) });
  const Newline = createToken({ name: 'Newline', pattern: new RegExp(LINE_END), line_breaks: true });
  // An instruction's text runs to the end of its line or to the escape that continues it: one
  // token per line piece (blanks included), not per word; the line parsers split words later.
  // An escape continues the line only when it is not itself escaped.
  const ESC_AT_END = `${E}(?=[ \\t]*${CONTENT_END})`;
  const textPattern = `(?:[^\\r\\n${E}]+|${E}${ESC_AT_END}|${E}(?![ \\t]*${CONTENT_END})|${LONE_CR})+`;
  const Text = createToken({ name: 'Text', pattern: new RegExp(textPattern), push_mode: 'instruction' });
  const TextInInstruction = createToken({ name: 'InstructionText', pattern: new RegExp(textPattern) });
  const Continuation = createToken({
    name: 'Continuation',
    pattern: new RegExp(`${E}[ \\t]*${CONTENT_END}`),
    line_breaks: true,
    push_mode: 'instruction',
  });
  const ContinuationInInstruction = createToken({
    name: 'InstructionContinuation',
    pattern: new RegExp(`${E}[ \\t]*${CONTENT_END}`),
    line_breaks: true,
  });

  const afterContinuation = (matched: IToken[]): boolean => {
    const last = matched[matched.length - 1];
    if (!last) return false;
    const t = last.tokenType;
    return t === Continuation || t === ContinuationInInstruction || t === ContinuationComment || t === EmptyContinuationLine;
  };
  const contCommentRe = new RegExp(`(?:${BLANK}|${LONE_CR})*#[^\\n]*(?:\\n|$)`, 'y');
  const ContinuationComment: TokenType = createToken({
    name: 'ContinuationComment',
    pattern: {
      exec: (text: string, offset: number, matched: IToken[]) => {
        if (!afterContinuation(matched)) return null;
        contCommentRe.lastIndex = offset;
        return contCommentRe.exec(text);
      },
    },
    line_breaks: true,
  });
  const emptyLineRe = new RegExp(`(?:${BLANK}|${LONE_CR})*\\r*\\n|(?:${BLANK}|\\r)+$`, 'y');
  const EmptyContinuationLine: TokenType = createToken({
    name: 'EmptyContinuationLine',
    pattern: {
      exec: (text: string, offset: number, matched: IToken[]) => {
        if (!afterContinuation(matched)) return null;
        emptyLineRe.lastIndex = offset;
        return emptyLineRe.exec(text);
      },
    },
    line_breaks: true,
  });

  const lineEndRe = new RegExp(LINE_END, 'y');
  const instructionTokenTypes = new Set<TokenType>();
  const InstructionEnd = createToken({
    name: 'InstructionEnd',
    pattern: {
      exec: (text: string, offset: number, matched: IToken[]) => {
        lineEndRe.lastIndex = offset;
        const nl = lineEndRe.exec(text);
        if (!nl) return null;
        const markers = heredocMarkers(logicalTextBefore(matched, instructionTokenTypes, Whitespace));
        if (markers.length === 0) return nl;
        return readHeredocBodies(text, offset, nl[0].length, markers, truncated);
      },
    },
    start_chars_hint: ['\r', '\n'],
    line_breaks: true,
    pop_mode: true,
  });
  for (const t of [TextInInstruction, Whitespace, ContinuationInInstruction, ContinuationComment, EmptyContinuationLine, Text, Continuation]) {
    instructionTokenTypes.add(t);
  }

  const lexer = new Lexer(
    {
      modes: {
        line: [Bom, Directive, Comment, Newline, Whitespace, Continuation, Text],
        instruction: [ContinuationComment, EmptyContinuationLine, InstructionEnd, ContinuationInInstruction, TextInInstruction],
      },
      defaultMode: 'line',
    },
    // safeMode: no first-character analysis of the patterns (custom and complement-class patterns
    // defeat it anyway); it saves ~2 ms of construction per process and lexes as fast (measured)
    { positionTracking: 'onlyOffset', ensureOptimizations: false, skipValidations: true, safeMode: true },
  );

  return {
    tokenize(text, lines, chunk) {
      directiveLines = lines;
      base = chunk?.base ?? 0;
      truncated = chunk?.truncated ?? false;
      let result;
      try {
        result = lexer.tokenize(text);
      } finally {
        directiveLines = new Map();
        base = 0;
        truncated = false;
      }
      // every character is covered by some token, so lexer errors cannot happen; guard anyway
      if (result.errors.length > 0) throw new Error(`internal lexer error: ${result.errors[0]!.message}`);
      if (chunk && chunk.base > 0) shiftTokens(result.tokens, chunk.base);
      return result.tokens;
    },
    tokens: {
      Bom, Directive, Comment, Whitespace, Newline, Text, InstructionText: TextInInstruction,
      Continuation, InstructionContinuation: ContinuationInInstruction, ContinuationComment, EmptyContinuationLine, InstructionEnd,
    },
  };

  function match(image: string): CustomPatternMatcherReturn {
    return [image] as CustomPatternMatcherReturn;
  }
}

/** the logical line of the instruction whose tokens end `matched` */
function logicalTextBefore(matched: IToken[], instructionTypes: Set<TokenType>, Whitespace: TokenType): string {
  let i = matched.length;
  let mayHaveHeredoc = false;
  while (i > 0 && instructionTypes.has(matched[i - 1]!.tokenType)) {
    if (matched[i - 1]!.image.includes('<')) mayHaveHeredoc = true;
    i--;
  }
  // most instructions have no `<<`: skip joining their text (a marker may straddle two tokens only via `<` + `<`)
  if (!mayHaveHeredoc) return '';
  let text = '';
  for (; i < matched.length; i++) {
    const t = matched[i]!;
    const name = t.tokenType.name;
    if (t.tokenType === Whitespace || name === 'Text' || name === 'InstructionText') text += t.image;
  }
  let start = 0;
  while (start < text.length && isSpace(text.charCodeAt(start))) start++;
  return text.slice(start);
}

/** the line terminator followed by each heredoc's body and terminator line */
/** a chunk's tokens (and their heredoc payloads) moved to file offsets */
function shiftTokens(tokens: IToken[], by: number): void {
  for (const tok of tokens) {
    tok.startOffset += by;
    if (tok.endOffset !== undefined) tok.endOffset += by;
    const payload = (tok as IToken & { payload?: LineEndPayload }).payload;
    if (!payload) continue;
    for (const h of payload.heredocs) {
      h.contentStart += by;
      h.contentEnd += by;
      if (h.terminatorStart !== undefined) h.terminatorStart += by;
      if (h.terminatorEnd !== undefined) h.terminatorEnd += by;
    }
  }
}

function readHeredocBodies(
  text: string, offset: number, newlineLength: number, markers: HeredocMarker[], truncated: boolean,
): CustomPatternMatcherReturn {
  let pos = offset + newlineLength;
  const heredocs: HeredocBodyPayload[] = [];
  for (const marker of markers) {
    const contentStart = pos;
    let found: { start: number; end: number } | undefined;
    let firstLooseMatch: { start: number; end: number } | undefined;
    while (pos < text.length) {
      const nl = text.indexOf('\n', pos);
      const lineEnd = nl === -1 ? text.length : nl + 1;
      let line = text.slice(pos, lineEnd).replace(/[\r\n]+$/, '');
      if (marker.chomp) line = line.replace(/^\t+/, '');
      if (line === marker.name) {
        found = { start: pos, end: lineEnd };
        break;
      }
      // a terminator with stray blanks: used to resume when no exact terminator follows
      if (!firstLooseMatch && line.trim() === marker.name) firstLooseMatch = { start: pos, end: lineEnd };
      pos = lineEnd;
    }
    if (found) {
      heredocs.push({ marker, contentStart, contentEnd: found.start, terminatorStart: found.start, terminatorEnd: found.end });
      pos = found.end;
    } else if (firstLooseMatch && !truncated) {
      heredocs.push({
        marker, contentStart, contentEnd: firstLooseMatch.start,
        terminatorStart: firstLooseMatch.start, terminatorEnd: firstLooseMatch.end, looseTerminator: true,
      });
      pos = firstLooseMatch.end;
    } else {
      heredocs.push({ marker, contentStart, contentEnd: text.length });
      pos = text.length;
      break;
    }
  }
  const result = [text.slice(offset, pos)] as CustomPatternMatcherReturn;
  (result as unknown as { payload: LineEndPayload }).payload = { newlineLength, heredocs };
  return result;
}
