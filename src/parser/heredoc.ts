/**
 * Heredoc markers on an instruction line (`<<EOF`, `<<-EOF`, `3<<"EOF"`), found the
 * way BuildKit finds them: split the line into shell words (quotes and escapes kept),
 * and every word of the form `[fd]<<[-]name` opens a heredoc.
 */
import type { Span } from './ast.ts';
import { isSpace, parseJsonArray, splitCommand } from './line-parsers.ts';

export interface HeredocMarker {
  name: string;
  chomp: boolean;
  expand: boolean;
  fileDescriptor?: number;
  /** span of the whole `<<EOF` word in the logical line */
  span: Span;
}

const HEREDOC_WORD = /^(\d*)<<(-?)([^<]*)$/;
const HEREDOC_INSTRUCTIONS = new Set(['RUN', 'COPY', 'ADD']);

/** Heredocs opened by a logical instruction line; [] where the instruction cannot have any. */
export function heredocMarkers(line: string): HeredocMarker[] {
  if (!line.includes('<<')) return [];
  const cmd = splitCommand(line);
  let keyword = line.slice(cmd.keyword.start, cmd.keyword.end).toUpperCase();
  let rest = cmd.rest;
  if (keyword === 'ONBUILD') {
    const sub = splitCommand(line, rest.start, rest.end);
    keyword = line.slice(sub.keyword.start, sub.keyword.end).toUpperCase();
    rest = sub.rest;
  }
  if (!HEREDOC_INSTRUCTIONS.has(keyword)) return [];
  // exec form never has heredocs
  if (parseJsonArray(line, rest.start, rest.end).kind === 'strings') return [];
  const markers: HeredocMarker[] = [];
  for (const word of rawShellWords(line)) {
    const m = HEREDOC_WORD.exec(word.text);
    if (!m || m[3] === '') continue;
    const unquoted = unquoteWord(m[3]!);
    if (unquoted === undefined || unquoted.words !== 1) continue;
    const marker: HeredocMarker = {
      name: unquoted.value,
      chomp: m[2] === '-',
      // any quoted part of the delimiter turns expansion off
      expand: !unquoted.hadQuotes,
      span: { start: word.start, end: word.end },
    };
    if (m[1]) marker.fileDescriptor = Number(m[1]);
    markers.push(marker);
  }
  return markers;
}

/** words split on unquoted blanks, quotes and backslash escapes kept as written */
function rawShellWords(line: string): { text: string; start: number; end: number }[] {
  const words: { text: string; start: number; end: number }[] = [];
  let pos = 0;
  const n = line.length;
  while (pos < n) {
    while (pos < n && isSpace(line.charCodeAt(pos))) pos++;
    if (pos >= n) break;
    const start = pos;
    let quote = '';
    while (pos < n) {
      const ch = line[pos]!;
      if (quote) {
        if (ch === quote) quote = '';
        else if (ch === '\\' && quote === '"') pos++;
        pos++;
        continue;
      }
      if (isSpace(line.charCodeAt(pos))) break;
      if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '\\') pos++;
      pos++;
    }
    words.push({ text: line.slice(start, Math.min(pos, n)), start, end: Math.min(pos, n) });
  }
  return words;
}

/** the delimiter with shell quoting removed; undefined for an unterminated quote */
function unquoteWord(word: string): { value: string; words: number; hadQuotes: boolean } | undefined {
  let value = '';
  let hadQuotes = false;
  let words = 1;
  for (let i = 0; i < word.length; i++) {
    const ch = word[i]!;
    if (ch === "'" || ch === '"') {
      const close = findClosingQuote(word, i);
      if (close === -1) return undefined;
      hadQuotes = true;
      let inner = word.slice(i + 1, close);
      if (ch === '"') inner = inner.replace(/\\(["\\$`])/g, '$1');
      value += inner;
      i = close;
      continue;
    }
    if (ch === '\\' && i + 1 < word.length) {
      value += word[++i];
      continue;
    }
    if (isSpace(word.charCodeAt(i))) words++;
    value += ch;
  }
  return { value, words, hadQuotes };
}

function findClosingQuote(word: string, open: number): number {
  const q = word[open];
  for (let i = open + 1; i < word.length; i++) {
    if (word[i] === '\\' && q === '"') { i++; continue; }
    if (word[i] === q) return i;
  }
  return -1;
}
