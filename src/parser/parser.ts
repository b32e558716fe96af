/**
 * parseDockerfile: text in, typed lossless tree out. Never throws on input: what
 * BuildKit would reject becomes a positioned ParseError and parsing goes on with
 * the next instruction.
 */
import type { IToken } from 'chevrotain';
import type {
  CommandForm, CommandInstruction, CopyInstruction, Directive, Dockerfile, ExposeInstruction, FromInstruction,
  HealthcheckInstruction, Heredoc, Instruction, KeyValue, KeyValueInstruction, OnbuildInstruction, ParseError, Span,
  StringInstruction, SyntaxToken, TokenKind, TopLevelNode, TriviaLine, UnknownInstruction, VolumeInstruction, Word,
} from './ast.ts';
import { INSTRUCTION_KEYWORDS } from './ast.ts';
import { scanDirectives, type DirectiveLine } from './directives.ts';
import { heredocMarkers } from './heredoc.ts';
import { getLexer, type DockerfileLexer, type HeredocBodyPayload, type LineEndPayload } from './lexer.ts';
import {
  isAsciiBlank, isSpace, parseJsonArray, parseWords, splitCommand, splitOnBlanks, toFlag, trimSpan,
} from './line-parsers.ts';
import { LogicalLine } from './logical-line.ts';
import { LineIndex } from './source.ts';
import { groupLines, type LineGroup } from './structure.ts';
import { TokenStore } from './tokens.ts';

const TOKEN_KINDS: Record<string, TokenKind> = {
  Bom: 'bom', Directive: 'directive', Comment: 'comment', Whitespace: 'whitespace', Newline: 'newline',
  Text: 'text', InstructionText: 'text', Continuation: 'continuation', InstructionContinuation: 'continuation',
  ContinuationComment: 'continuation-comment', EmptyContinuationLine: 'empty-continuation-line',
  InstructionEnd: 'newline',
};

/**
 * The one empty list of every instruction without flags, continuation comments or heredocs (most
 * of them): three empty arrays per instruction were ~10 MB of a 20 MB file's tree. Frozen, so
 * a change to it throws instead of reaching every instruction.
 */
const NONE: never[] = Object.freeze([]) as unknown as never[];

/**
 * The keyword's one string when `word` is one (as written in upper case, or upper-cased): a
 * slice of a two-byte source is a fresh two-byte string, ~24 bytes per instruction otherwise.
 */
const KEYWORD_STRINGS = new Map([...INSTRUCTION_KEYWORDS].map((k) => [k, k]));
function canonicalKeyword(word: string): string {
  return KEYWORD_STRINGS.get(word) ?? word;
}

/** BuildKit's scanner rejects longer lines */
const MAX_LINE_BYTES = 65535;

/** flags each instruction accepts (BuildKit's instructions package) */
const KNOWN_FLAGS: Record<string, ReadonlySet<string>> = {
  FROM: new Set(['platform']),
  RUN: new Set(['mount', 'network', 'security', 'device']),
  COPY: new Set(['from', 'chown', 'chmod', 'link', 'parents', 'exclude']),
  ADD: new Set(['chown', 'chmod', 'link', 'checksum', 'keep-git-dir', 'exclude', 'unpack']),
  HEALTHCHECK: new Set(['interval', 'timeout', 'start-period', 'start-interval', 'retries']),
};

export interface ParseOptions {
  /** lex this many characters at a time (tests use small chunks to cross every boundary) */
  lexChunkChars?: number;
}

export function parseDockerfile(text: string, options: ParseOptions = {}): Dockerfile {
  const scan = scanDirectives(text);
  const lexer = getLexer(scan.escape);
  const lines = new LineIndex(text);
  const df: Dockerfile = {
    source: text,
    lines,
    escape: scan.escape,
    hasBom: text.charCodeAt(0) === 0xfeff,
    directives: [],
    instructions: [],
    nodes: [],
    tokens: new TokenStore(lines.lineStarts.length),
    errors: [...scan.errors],
    warnings: [],
  };
  checkLineLengths(text, df.errors);
  for (const group of lineGroups(lexer, text, scan.tokenLengths, options.lexChunkChars)) {
    const node = buildNode(group, df, scan.lines);
    df.nodes.push(node);
    if (node.type === 'directive') df.directives.push(node);
    else if (node.type === 'instruction') df.instructions.push(node);
  }
  if (df.instructions.length === 0) {
    df.errors.push({ level: 'parser', message: 'file with no instructions', start: text.length, end: text.length });
  }
  df.errors.sort((a, b) => a.start - b.start);
  return df;
}

/** characters lexed at a time: a file up to this size is lexed in one go */
export const LEX_CHUNK_CHARS = 1 << 19;

/**
 * The file's line groups, lexed a chunk at a time so a huge file never holds all its lexer
 * tokens at once (only its syntax tree). A chunk ends after a line feed; its last group may be
 * cut short or lexed differently for want of the text after it (a continued line, a heredoc
 * whose terminator is further on), so it is dropped and the next chunk starts with it. Every
 * group before it is lexed exactly as in one pass: the lexer is in its between-lines state at a
 * group's start, and no token pattern looks past the line feed ending the chunk except at the
 * chunk's end (see LexChunk). A chunk holding a single unfinished group is doubled until the
 * group fits.
 */
function* lineGroups(lexer: DockerfileLexer, text: string, directiveLines: ReadonlyMap<number, number>, chunkChars = LEX_CHUNK_CHARS): Generator<LineGroup> {
  let start = 0;
  let size = chunkChars;
  for (;;) {
    let end = text.length;
    if (start + size < text.length) {
      const nl = text.lastIndexOf('\n', start + size - 1);
      const next = nl >= start ? nl : text.indexOf('\n', start + size);
      end = next === -1 ? text.length : next + 1;
    }
    const truncated = end < text.length;
    const chunk = start === 0 && !truncated ? text : text.slice(start, end);
    const groups = groupLines(lexer, lexer.tokenize(chunk, directiveLines, { base: start, truncated }));
    if (!truncated) {
      yield* groups;
      return;
    }
    if (groups.length < 2) {
      size *= 2;
      continue;
    }
    const last = groups.pop()!;
    yield* groups;
    start = last.tokens[0]!.startOffset;
    size = chunkChars;
  }
}

function buildNode(group: LineGroup, df: Dockerfile, directiveLines: DirectiveLine[]): TopLevelNode {
  const tokens: SyntaxToken[] = [];
  for (const tok of group.tokens) pushSyntaxTokens(tok, tokens);
  // the tree keeps them packed; these objects live only while the node is built
  df.tokens.beginNode();
  for (const t of tokens) df.tokens.push(t.kind, t.start, t.end);
  const start = tokens[0]?.start ?? 0;
  const end = tokens[tokens.length - 1]?.end ?? start;
  switch (group.kind) {
    case 'directive': {
      const tok = tokens.find((t) => t.kind === 'directive')!;
      const line = directiveLines.find((l) => l.start === tok.start)!;
      const directive: Directive = {
        type: 'directive', name: line.name, value: line.value,
        valueSpan: { start: line.valueStart, end: line.valueStart + line.value.length },
        start: tok.start, end: tok.end,
      };
      return directive;
    }
    case 'comment': {
      const tok = tokens.find((t) => t.kind === 'comment')!;
      return { type: 'comment', text: tok.image.slice(1).trim(), start: tok.start, end: tok.end } satisfies TriviaLine;
    }
    case 'bom':
    case 'blank':
      return { type: group.kind, text: '', start, end } satisfies TriviaLine;
    case 'instruction':
      return buildInstruction(tokens, group.tokens, df);
  }
}

/** IToken -> SyntaxToken; a line end that carries heredoc bodies is split back into its parts */
function pushSyntaxTokens(tok: IToken, parts: SyntaxToken[]): void {
  const kind = TOKEN_KINDS[tok.tokenType.name]!;
  const start = tok.startOffset;
  const payload = (tok as IToken & { payload?: LineEndPayload }).payload;
  if (!payload) {
    parts.push({ kind, image: tok.image, start, end: start + tok.image.length });
    return;
  }
  const text = tok.image;
  const push = (k: TokenKind, s: number, e: number) => {
    if (e > s) parts.push({ kind: k, image: text.slice(s - start, e - start), start: s, end: e });
  };
  push('newline', start, start + payload.newlineLength);
  for (const h of payload.heredocs) {
    push('heredoc-body', h.contentStart, h.contentEnd);
    if (h.terminatorStart !== undefined) push('heredoc-terminator', h.terminatorStart, h.terminatorEnd!);
  }
}

function buildInstruction(tokens: SyntaxToken[], raw: IToken[], df: Dockerfile): Instruction {
  const logical = new LogicalLine(tokens[0]!.start);
  const comments: SyntaxToken[] = [];
  let started = false;
  for (const t of tokens) {
    if (t.kind === 'continuation-comment') comments.push(t);
    if (t.kind !== 'text' && t.kind !== 'whitespace') {
      if (t.kind === 'continuation') started = true;
      continue;
    }
    if (!started) {
      // the first line is left-trimmed, like BuildKit's processLine
      if (t.kind === 'whitespace') continue;
      started = true;
    }
    logical.append(t.image, t.start);
  }
  // BuildKit warns once per instruction; we keep each line's position so a fix can remove them all
  for (const t of tokens) {
    if (t.kind === 'empty-continuation-line') df.warnings.push({ level: 'parser', message: 'Empty continuation line found', start: t.start, end: t.end });
  }
  const leading = trimSpan(logical.text, 0, logical.text.length).start;
  const line = leading > 0 ? logical.slice(leading, logical.text.length) : logical;
  const fullEnd = tokens[tokens.length - 1]!.end;
  const instruction = instructionFromLine(line, df, comments.length > 0 ? comments : NONE, fullEnd);
  instruction.heredocs = heredocsOf(raw, line, df);
  if (instruction.keyword === 'ONBUILD' && 'trigger' in instruction && instruction.trigger) {
    instruction.trigger.heredocs = instruction.heredocs;
  }
  checkArguments(instruction, df.errors);
  return instruction;
}

/** Build the typed instruction from its logical line (also used for ONBUILD's trigger). */
function instructionFromLine(
  line: LogicalLine, df: Dockerfile, comments: SyntaxToken[], fullEnd: number,
): Instruction {
  const text = line.text;
  const map = (s: number, e: number): Span => line.spanToSource(s, e);
  const sourceEnd = (s: number, e: number) => (e <= s ? line.toSource(s) : line.toSource(e - 1) + 1);
  const word = (s: number, e: number, value?: string, isKeyword = false): Word => {
    const sliced = text.slice(s, e);
    const raw = isKeyword ? canonicalKeyword(sliced) : sliced;
    return { start: line.toSource(s), end: sourceEnd(s, e), raw, value: value ?? raw };
  };
  // one shape for every pair (a spread of the span would copy it into a new shape)
  const pair = (s: number, e: number, key: Word, value?: Word, separator: KeyValue['separator'] = ''): KeyValue => {
    const at = map(s, e);
    return value ? { start: at.start, end: at.end, key, value, separator } : { start: at.start, end: at.end, key, separator };
  };
  const mapWord = (w: Word): Word => ({ start: line.toSource(w.start), end: sourceEnd(w.start, w.end), raw: w.raw, value: w.value });
  const cmd = splitCommand(text);
  const keywordWord = word(cmd.keyword.start, cmd.keyword.end, undefined, true);
  const keyword = canonicalKeyword(keywordWord.value.toUpperCase());
  const trimmedEnd = trimSpan(text, 0, text.length).end;
  const span = map(cmd.keyword.start, trimmedEnd);
  const rest = cmd.rest;
  const base: UnknownInstruction = {
    type: 'instruction',
    keyword,
    keywordWord,
    flags: cmd.flags.length > 0 ? cmd.flags.map((f) => toFlag(f, text, map)) : NONE,
    logical: line,
    rest: text.slice(rest.start, rest.end),
    restSpan: map(rest.start, rest.end),
    restStart: rest.start,
    heredocs: NONE,
    comments,
    fullEnd,
    start: span.start,
    end: span.end,
  };
  const errors = df.errors;
  const parserError = (message: string, s = rest.start, e = rest.end) => {
    const at = map(s, e);
    errors.push({ level: 'parser', message, start: at.start, end: at.end });
  };

  const maybeJson = (from: number, to: number): CommandForm | undefined => {
    if (from >= to) return undefined;
    const json = parseJsonArray(text, from, to);
    if (json.kind === 'not-string-array') {
      parserError('when using JSON array syntax, arrays must be comprised of strings only', from, to);
    }
    if (json.kind === 'strings') return { kind: 'exec', elements: json.elements.map(mapWord), span: map(from, to) };
    return { kind: 'shell', text: text.slice(from, to), span: map(from, to) };
  };
  const maybeJsonList = (): { form: 'exec' | 'shell'; paths: Word[] } => {
    const json = parseJsonArray(text, rest.start, rest.end);
    if (json.kind === 'not-string-array') parserError('when using JSON array syntax, arrays must be comprised of strings only');
    if (json.kind === 'strings') return { form: 'exec', paths: json.elements.map(mapWord) };
    return { form: 'shell', paths: splitOnBlanks(text, rest.start, rest.end).map(mapWord) };
  };

  switch (keyword) {
    case 'FROM': {
      const words = splitOnBlanks(text, rest.start, rest.end).map(mapWord);
      const from = extend<FromInstruction>(base, { words });
      if (words[0]) from.image = words[0];
      if (words.length >= 3 && words[1]!.value.toUpperCase() === 'AS') {
        from.asKeyword = words[1]!;
        from.stageName = words[2]!;
      }
      return from;
    }
    case 'RUN':
    case 'CMD':
    case 'ENTRYPOINT':
    case 'SHELL': {
      const command = maybeJson(rest.start, rest.end);
      return command ? extend<CommandInstruction>(base, { command }) : base;
    }
    case 'HEALTHCHECK': {
      let sep = rest.start;
      while (sep < rest.end && !isSpace(text.charCodeAt(sep))) sep++;
      if (sep === rest.start) return base;
      let next = sep;
      while (next < rest.end && isSpace(text.charCodeAt(next))) next++;
      const command = maybeJson(next, rest.end);
      const kind = word(rest.start, sep);
      return extend<HealthcheckInstruction>(base, command ? { kind, command } : { kind });
    }
    case 'COPY':
    case 'ADD': {
      const { form, paths } = maybeJsonList();
      const copy = extend<CopyInstruction>(base, { form, paths, sources: paths.slice(0, -1) });
      if (paths.length > 1) copy.destination = paths[paths.length - 1]!;
      return copy;
    }
    case 'VOLUME':
      return extend<VolumeInstruction>(base, maybeJsonList());
    case 'ENV':
    case 'LABEL':
      return extend<KeyValueInstruction>(base, { pairs: parseNameValue(keyword) });
    case 'ARG':
      return extend<KeyValueInstruction>(base, {
        pairs: parseWords(text, rest.start, rest.end, df.escape).map((w): KeyValue => {
          const eq = w.value.indexOf('=');
          const kv: KeyValue = pair(w.start, w.end, mapWord(w));
          if (eq === -1) return kv;
          const rawEq = w.raw.indexOf('=');
          kv.key = word(w.start, w.start + rawEq, w.value.slice(0, eq));
          kv.value = word(w.start + rawEq + 1, w.end, w.value.slice(eq + 1));
          kv.separator = '=';
          return kv;
        }),
      });
    case 'EXPOSE':
      return extend<ExposeInstruction>(base, { ports: splitOnBlanks(text, rest.start, rest.end).map(mapWord) });
    case 'USER':
    case 'WORKDIR':
    case 'MAINTAINER':
    case 'STOPSIGNAL':
      return rest.end > rest.start ? extend<StringInstruction>(base, { argument: word(rest.start, rest.end) }) : base;
    case 'ONBUILD': {
      if (rest.end <= rest.start) return base;
      const sub = line.slice(rest.start, rest.end);
      const trigger = instructionFromLine(sub, df, [], fullEnd);
      const onbuild = extend<OnbuildInstruction>(base, { trigger });
      trigger.parent = onbuild;
      return onbuild;
    }
    default:
      return base;
  }

  /** ENV and LABEL: `key=value ...`, or the legacy `key value` form */
  function parseNameValue(kw: string): KeyValue[] {
    const words = parseWords(text, rest.start, rest.end, df.escape);
    if (words.length === 0) return [];
    if (!words[0]!.value.includes('=')) {
      let keyEnd = rest.start;
      while (keyEnd < rest.end && !isAsciiBlank(text.charCodeAt(keyEnd))) keyEnd++;
      let valueStart = keyEnd;
      while (valueStart < rest.end && isAsciiBlank(text.charCodeAt(valueStart))) valueStart++;
      if (valueStart >= rest.end) {
        parserError(`${kw} must have two arguments`);
        return [pair(rest.start, rest.end, word(rest.start, keyEnd))];
      }
      return [pair(rest.start, rest.end, word(rest.start, keyEnd), word(valueStart, rest.end), '')];
    }
    const pairs: KeyValue[] = [];
    for (const w of words) {
      const eq = w.value.indexOf('=');
      if (eq === -1) {
        parserError(`Syntax error - can't find = in ${JSON.stringify(w.value)}. Must be of the form: name=value`, w.start, w.end);
        pairs.push(pair(w.start, w.end, mapWord(w)));
        continue;
      }
      const rawEq = w.raw.indexOf('=');
      pairs.push(pair(
        w.start, w.end,
        word(w.start, w.start + rawEq, w.value.slice(0, eq)),
        word(w.start + rawEq + 1, w.end, w.value.slice(eq + 1)),
        '=',
      ));
    }
    return pairs;
  }
}

function heredocsOf(raw: IToken[], line: LogicalLine, df: Dockerfile): Heredoc[] {
  const last = raw[raw.length - 1] as (IToken & { payload?: LineEndPayload }) | undefined;
  const bodies: HeredocBodyPayload[] = last?.payload?.heredocs ?? [];
  // an instruction that ends the file cannot have bodies: its markers are unterminated
  const markers = bodies.length > 0 ? bodies.map((b) => b.marker) : heredocMarkers(line.text);
  if (markers.length === 0) return NONE;
  return markers.map((marker, i) => {
    const body = bodies[i];
    const markerSpan = line.spanToSource(marker.span.start, marker.span.end);
    const contentStart = body?.contentStart ?? df.source.length;
    const contentEnd = body?.contentEnd ?? df.source.length;
    const heredoc: Heredoc = {
      name: marker.name, chomp: marker.chomp, expand: marker.expand, marker: markerSpan,
      content: df.source.slice(contentStart, contentEnd), contentSpan: { start: contentStart, end: contentEnd },
    };
    if (marker.fileDescriptor !== undefined) heredoc.fileDescriptor = marker.fileDescriptor;
    if (body?.terminatorStart !== undefined) heredoc.terminator = { start: body.terminatorStart, end: body.terminatorEnd! };
    if (!heredoc.terminator) {
      df.errors.push({ level: 'parser', message: `unterminated heredoc: no line '${marker.name}' closes it`, ...markerSpan });
    } else if (body?.looseTerminator) {
      df.errors.push({
        level: 'parser',
        message: `heredoc terminator must be exactly '${marker.name}' on its own line (found extra whitespace)`,
        start: heredoc.terminator.start, end: heredoc.terminator.end,
      });
    }
    return heredoc;
  });
}

/** the instruction's own fields added to its base (no copy: instructions are built once) */
function extend<T extends Instruction>(base: UnknownInstruction, fields: Omit<T, keyof UnknownInstruction>): T {
  return Object.assign(base, fields) as T;
}

/** the argument checks of BuildKit's instructions package, as positioned errors */
function checkArguments(ins: Instruction, errors: ParseError[]): void {
  const fail = (message: string, at: Span = ins) => errors.push({ level: 'instruction', message, start: at.start, end: at.end });
  const kw = ins.keyword;
  if (!INSTRUCTION_KEYWORDS.has(kw)) {
    const suggestion = closestKeyword(kw);
    fail(`unknown instruction: ${ins.keywordWord.value}${suggestion ? ` (did you mean ${suggestion}?)` : ''}`, ins.keywordWord);
    return;
  }
  const known = KNOWN_FLAGS[kw];
  for (const flag of ins.flags) {
    if (!known?.has(flag.name)) fail(`unknown flag: --${flag.name} for ${kw}`, flag);
  }
  const empty = ins.rest.length === 0;
  switch (ins.keyword) {
    case 'FROM': {
      const n = 'words' in ins ? ins.words.length : 0;
      if (n === 0) fail('FROM requires either one or three arguments');
      else if (n !== 1 && n !== 3) fail('FROM requires either one or three arguments', ins.restSpan);
      else if (n === 3 && !('asKeyword' in ins && ins.asKeyword)) fail("FROM with three arguments must be 'FROM image AS name'", ins.restSpan);
      break;
    }
    case 'RUN':
      if (empty && ins.heredocs.length === 0) fail('RUN requires at least one argument');
      break;
    case 'SHELL':
      if (!('command' in ins) || ins.command?.kind !== 'exec') fail('SHELL requires the arguments to be in JSON form');
      break;
    case 'COPY':
    case 'ADD':
      if ('paths' in ins && ins.paths.length < 2) {
        fail(`${kw} requires at least two arguments, but only ${ins.paths.length === 0 ? 'none' : 'one'} was provided. Destination could not be determined.`);
      }
      break;
    case 'HEALTHCHECK': {
      if (!('kind' in ins) || !ins.kind) { fail('HEALTHCHECK requires an argument: CMD <command> or NONE'); break; }
      const type = ins.kind.value.toUpperCase();
      if (type === 'CMD' && !('command' in ins && ins.command)) fail('Missing command after HEALTHCHECK CMD');
      else if (type === 'NONE' && 'command' in ins && ins.command) fail('HEALTHCHECK NONE takes no arguments');
      else if (type !== 'CMD' && type !== 'NONE') fail(`Unknown type ${JSON.stringify(ins.kind.value)} in HEALTHCHECK (try CMD)`, ins.kind);
      break;
    }
    case 'ENV':
    case 'LABEL':
    case 'ARG':
    case 'EXPOSE':
    case 'VOLUME':
      if (empty) fail(`${kw} requires at least one argument`);
      break;
    case 'USER':
    case 'WORKDIR':
    case 'MAINTAINER':
    case 'STOPSIGNAL':
      if (empty) fail(`${kw} requires exactly one argument`);
      break;
    case 'ONBUILD': {
      const trigger = 'trigger' in ins ? ins.trigger : undefined;
      if (!trigger) { fail('ONBUILD requires at least one argument'); break; }
      if (trigger.keyword === 'ONBUILD') fail("Chaining ONBUILD via 'ONBUILD ONBUILD' isn't allowed", trigger.keywordWord);
      else if (trigger.keyword === 'FROM' || trigger.keyword === 'MAINTAINER') fail(`${trigger.keyword} isn't allowed as an ONBUILD trigger`, trigger.keywordWord);
      else checkArguments(trigger, errors);
      break;
    }
  }
}

function closestKeyword(word: string): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  const upper = word.toUpperCase();
  for (const kw of INSTRUCTION_KEYWORDS) {
    // the distance is at least the difference in length: a long word needs no table
    if (Math.abs(upper.length - kw.length) >= bestDistance) continue;
    const d = editDistance(upper, kw);
    if (d < bestDistance) { bestDistance = d; best = kw; }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

function checkLineLengths(text: string, errors: ParseError[]): void {
  let pos = 0;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl === -1 ? text.length : nl;
    // a UTF-16 unit is at most 3 UTF-8 bytes: only long lines need counting
    if ((end - pos) * 3 > MAX_LINE_BYTES && Buffer.byteLength(text.slice(pos, end)) > MAX_LINE_BYTES) {
      errors.push({ level: 'parser', message: `dockerfile line greater than max allowed size of ${MAX_LINE_BYTES}`, start: pos, end });
    }
    if (nl === -1) break;
    pos = nl + 1;
  }
}

