/**
 * BuildKit's per-instruction argument parsers (frontend/dockerfile/parser,
 * line_parsers.go and split_command.go), reimplemented over a logical line so that
 * every word keeps its offsets. Behaviour, quirks included, follows BuildKit: the
 * conformance tests compare our dump with its dump byte for byte.
 */
import type { EscapeChar, Flag, FlagOption, Span, Word } from './ast.ts';

/** Go's unicode.IsSpace */
export function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return (
    c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000
  );
}

/** BuildKit's reWhitespace: `[\t\v\f\r ]+` (ASCII only, no newline) */
export function isAsciiBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c || c === 0x0d;
}

/** strings.TrimSpace as a span */
export function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

export interface SplitCommand {
  keyword: Span;
  flags: RawFlag[];
  /** the arguments after the flags, trimmed */
  rest: Span;
}

export interface RawFlag extends Span {
  /** the flag word with quotes removed and escapes applied, e.g. `--from=build` */
  value: string;
}

/** splitCommand: keyword, then leading `--flags`, then the trimmed rest */
export function splitCommand(line: string, from = 0, to = line.length): SplitCommand {
  const t = trimSpan(line, from, to);
  let kwEnd = t.start;
  while (kwEnd < t.end && !isAsciiBlank(line.charCodeAt(kwEnd))) kwEnd++;
  const keyword = { start: t.start, end: kwEnd };
  if (kwEnd === t.end) return { keyword, flags: [], rest: { start: t.end, end: t.end } };
  let argStart = kwEnd;
  while (argStart < t.end && isAsciiBlank(line.charCodeAt(argStart))) argStart++;
  const { flags, restStart } = extractBuilderFlags(line, argStart, t.end);
  return { keyword, flags, rest: trimSpan(line, restStart, t.end) };
}

/**
 * Leading words that start with `--` are flags; quotes are removed and backslash
 * escapes applied (always backslash: BuildKit ignores the escape directive here).
 * A lone `--` ends the flags and is dropped.
 */
function extractBuilderFlags(line: string, start: number, end: number): { flags: RawFlag[]; restStart: number } {
  const flags: RawFlag[] = [];
  let pos = start;
  for (;;) {
    while (pos < end && isSpace(line.charCodeAt(pos))) pos++;
    if (pos >= end) return { flags, restStart: end };
    if (!(line[pos] === '-' && pos + 1 < end && line[pos + 1] === '-')) return { flags, restStart: pos };
    const wordStart = pos;
    let value = '';
    let quote = '';
    let blankOK = false;
    for (; pos < end; pos++) {
      const ch = line[pos]!;
      if (quote) {
        if (ch === quote) { quote = ''; continue; }
        if (ch === '\\') {
          if (pos + 1 === end) { quote = ''; continue; }
          pos++;
          value += line[pos];
          continue;
        }
        value += ch;
        continue;
      }
      if (isSpace(line.charCodeAt(pos))) break;
      if (ch === '"' || ch === "'") { quote = ch; blankOK = true; continue; }
      if (ch === '\\') {
        if (pos + 1 === end) continue;
        pos++;
        value += line[pos];
        continue;
      }
      value += ch;
    }
    if (value === '--') {
      return { flags, restStart: pos };
    }
    if (blankOK || value.length > 0) flags.push({ start: wordStart, end: pos, value });
  }
}

/** Parse `--name=value` and the comma-separated options of its value (as for --mount). */
export function toFlag(raw: RawFlag, source: string, map: (s: number, e: number) => Span): Flag {
  const body = raw.value.slice(2);
  const eq = body.indexOf('=');
  const name = eq === -1 ? body : body.slice(0, eq);
  const span = map(raw.start, raw.end);
  const rawText = source.slice(raw.start, raw.end);
  // locate name and value inside the raw text; quoting can shift them, so fall back to the whole word
  const rawEq = rawText.indexOf('=');
  const nameSpan = rawEq === -1 ? map(raw.start + 2, raw.end) : map(raw.start + 2, raw.start + rawEq);
  const flag: Flag = { start: span.start, end: span.end, raw: rawText, name, nameSpan, options: [] };
  if (eq !== -1) {
    flag.value = body.slice(eq + 1);
    flag.valueSpan = rawEq === -1 ? span : map(raw.start + rawEq + 1, raw.end);
    flag.options = splitFlagOptions(flag.value, flag.valueSpan, rawEq !== -1 && rawText.slice(rawEq + 1) === flag.value);
  }
  return flag;
}

/** `type=cache,target=/root/.cache,"id=a,b"` -> options (CSV-style double quotes) */
function splitFlagOptions(value: string, valueSpan: Span, exact: boolean): FlagOption[] {
  const options: FlagOption[] = [];
  let field = '';
  let fieldStart = 0;
  let inQuote = false;
  for (let i = 0; i <= value.length; i++) {
    const ch = value[i];
    if (i === value.length || (ch === ',' && !inQuote)) {
      const eq = field.indexOf('=');
      const start = exact ? valueSpan.start + fieldStart : valueSpan.start;
      const end = exact ? valueSpan.start + i : valueSpan.end;
      if (field.length > 0) {
        options.push(eq === -1 ? { key: field, start, end } : { key: field.slice(0, eq), value: field.slice(eq + 1), start, end });
      }
      field = '';
      fieldStart = i + 1;
      continue;
    }
    if (ch === '"') { inQuote = !inQuote; continue; }
    field += ch;
  }
  return options;
}

/**
 * parseWords: space-separated words where quotes group words; quotes and escapes
 * are kept in the word (BuildKit strips them later), except an escape at the very end.
 */
export function parseWords(line: string, start: number, end: number, escape: EscapeChar): Word[] {
  const words: Word[] = [];
  const esc = escape.charCodeAt(0);
  let pos = start;
  while (pos < end) {
    while (pos < end && isSpace(line.charCodeAt(pos))) pos++;
    if (pos >= end) break;
    const wordStart = pos;
    let value = '';
    let quote = 0;
    let blankOK = false;
    let lastEnd = pos;
    while (pos < end) {
      const c = line.charCodeAt(pos);
      if (quote === 0) {
        if (isSpace(c)) break;
        if (c === 0x27 || c === 0x22) { quote = c; blankOK = true; }
        if (c === esc) {
          if (pos + 1 === end) { pos++; continue; }
          value += line[pos]! + line[pos + 1]!;
          pos += 2;
          lastEnd = pos;
          continue;
        }
        value += line[pos];
        pos++;
        lastEnd = pos;
        continue;
      }
      // inside quotes
      if (c === quote) {
        quote = 0;
        value += line[pos];
        pos++;
        lastEnd = pos;
        continue;
      }
      if (c === esc && quote !== 0x27) {
        if (pos + 1 === end) { quote = 0; pos++; continue; }
        value += line[pos]! + line[pos + 1]!;
        pos += 2;
        lastEnd = pos;
        continue;
      }
      value += line[pos];
      pos++;
      lastEnd = pos;
    }
    if (blankOK || value.length > 0) {
      words.push({ start: wordStart, end: lastEnd, raw: line.slice(wordStart, lastEnd), value });
    }
  }
  return words;
}

/** reWhitespace.Split(rest, -1): not quote-aware */
export function splitOnBlanks(line: string, start: number, end: number): Word[] {
  const words: Word[] = [];
  if (start >= end) return words;
  let wordStart = start;
  for (let pos = start; pos <= end; pos++) {
    if (pos === end || isAsciiBlank(line.charCodeAt(pos))) {
      const text = line.slice(wordStart, pos);
      words.push({ start: wordStart, end: pos, raw: text, value: text });
      while (pos < end && isAsciiBlank(line.charCodeAt(pos + 1))) pos++;
      wordStart = pos + 1;
    }
  }
  return words;
}

export type JsonArrayResult =
  | { kind: 'not-json' }
  | { kind: 'not-string-array' }
  | { kind: 'strings'; elements: Word[] };

/** parseJSON: a JSON array of strings (after leading space), with each element's span */
export function parseJsonArray(line: string, start: number, end: number): JsonArrayResult {
  while (start < end && isSpace(line.charCodeAt(start))) start++;
  if (line[start] !== '[') return { kind: 'not-json' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(line.slice(start, end));
  } catch {
    return { kind: 'not-json' };
  }
  if (!Array.isArray(parsed)) return { kind: 'not-json' };
  if (!parsed.every((e) => typeof e === 'string')) return { kind: 'not-string-array' };
  // valid JSON array of strings: its string tokens are exactly the elements, in order
  const elements: Word[] = [];
  let pos = start + 1;
  for (const value of parsed as string[]) {
    pos = line.indexOf('"', pos);
    const elementStart = pos;
    pos++;
    while (line[pos] !== '"') pos += line[pos] === '\\' ? 2 : 1;
    pos++;
    elements.push({ start: elementStart, end: pos, raw: line.slice(elementStart, pos), value });
  }
  return { kind: 'strings', elements };
}

/** Go's strconv.Quote */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    switch (ch) {
      case '"': out += '\\"'; continue;
      case '\\': out += '\\\\'; continue;
      case '\x07': out += '\\a'; continue;
      case '\b': out += '\\b'; continue;
      case '\f': out += '\\f'; continue;
      case '\n': out += '\\n'; continue;
      case '\r': out += '\\r'; continue;
      case '\t': out += '\\t'; continue;
      case '\v': out += '\\v'; continue;
    }
    if (cp >= 0x20 && cp < 0x7f) out += ch;
    else if (cp < 0x80) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (PRINTABLE.test(ch)) out += ch;
    else if (cp < 0x10000) out += '\\u' + cp.toString(16).padStart(4, '0');
    else out += '\\U' + cp.toString(16).padStart(8, '0');
  }
  return out + '"';
}

// unicode.IsPrint: letters, marks, numbers, punctuation, symbols (and ASCII space)
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;
