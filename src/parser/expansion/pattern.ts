/**
 * Shell wildcard patterns of `${VAR#pat}`, `${VAR%pat}` and `${VAR/pat/repl}`,
 * matched the way BuildKit does it: it turns the pattern into a Go regexp where
 * `*` is `.*` (or `.*?`), `?` is `.` and everything else is literal, so
 * wildcards never match a newline and there are no bracket expressions. A
 * backslash quotes `*`, `?` and `\`, is dropped before `}` and `/`, and is an
 * error before anything else.
 *
 * Instead of building a RegExp per expansion, patterns compile to a token list
 * run by a small Pike VM with Perl-style priorities (what Go's regexp does),
 * linear in pattern x text length.
 */

import { isGoDigit, isGoLetter } from './charclass.ts';

/** Token values: a code point >= 0 is a literal; these two are wildcards. */
const ANY_CHAR = -1;
const ANY_RUN = -2;

const BACKSLASH = 0x5c;
const STAR = 0x2a;
const QUESTION = 0x3f;
const RBRACE = 0x7d;
const SLASH = 0x2f;
const NEWLINE = 0x0a;
const DOLLAR = 0x24;
const LBRACE = 0x7b;
const UNDERSCORE = 0x5f;
const BOM = 0xfeff;

export class PatternSyntaxError extends Error {
  override name = 'PatternSyntaxError';
}

function toCodePoints(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) out.push(ch.codePointAt(0)!);
  return out;
}

function fromCodePoints(cps: readonly number[], start = 0, end = cps.length): string {
  let out = '';
  for (let i = start; i < end; i++) out += String.fromCodePoint(cps[i]!);
  return out;
}

function compile(pattern: readonly number[]): number[] {
  const tokens: number[] = [];
  // Go's text/scanner, which BuildKit reads the pattern with, skips a leading BOM.
  let i = pattern[0] === BOM ? 1 : 0;
  while (i < pattern.length) {
    const cp = pattern[i++]!;
    if (cp === STAR) tokens.push(ANY_RUN);
    else if (cp === QUESTION) tokens.push(ANY_CHAR);
    else if (cp !== BACKSLASH) tokens.push(cp);
    else {
      const quoted = pattern[i];
      // `\}` and `\/` only protect the ${} syntax; the next round reads the char as a literal
      if (quoted === RBRACE || quoted === SLASH) continue;
      if (quoted === STAR || quoted === QUESTION || quoted === BACKSLASH) {
        tokens.push(quoted);
        i++;
      } else if (quoted === undefined) {
        throw new PatternSyntaxError("invalid escape '\\' at end of pattern");
      } else {
        throw new PatternSyntaxError(`invalid escape '\\${String.fromCodePoint(quoted)}'`);
      }
    }
  }
  return tokens;
}

/**
 * Runs one compiled pattern; its buffers are reused by every search, which
 * matters for `${VAR//pat/repl}` on long values (one search per match).
 */
class Matcher {
  private readonly accept: number;
  /** per state: the stamp of the thread list it was last added to */
  private readonly seen: Int32Array;
  private stamp = 0;
  private current: number[] = []; // pairs (state, start), highest priority first
  private next: number[] = [];
  private readonly loops: number[] = [];

  constructor(
    private readonly tokens: readonly number[],
    private readonly greedy: boolean,
  ) {
    this.accept = tokens.length;
    this.seen = new Int32Array(tokens.length + 1);
  }

  /**
   * The epsilon closure of a state is a chain: each `*` either loops (a thread
   * that consumes) or moves on to the next token; greediness orders the two.
   */
  private add(list: number[], state: number, start: number): void {
    const { tokens, seen, stamp, accept, loops } = this;
    loops.length = 0;
    for (;;) {
      if (seen[state] === stamp) break;
      seen[state] = stamp;
      if (state === accept || tokens[state] !== ANY_RUN) {
        list.push(state, start);
        break;
      }
      if (this.greedy) list.push(state, start);
      else loops.push(state);
      state++;
    }
    for (let k = loops.length - 1; k >= 0; k--) list.push(loops[k]!, start);
  }

  /**
   * Leftmost-first match in `text` at or after `from` (only at `from` when
   * anchored), as [start, end) code point indices, or undefined.
   */
  search(text: readonly number[], from: number, anchored: boolean): [number, number] | undefined {
    const { tokens, accept } = this;
    let current = this.current;
    let next = this.next;
    current.length = 0;
    next.length = 0;
    this.stamp++;
    let match: [number, number] | undefined;
    for (let position = from; ; position++) {
      if (match === undefined && (!anchored || position === from)) this.add(current, 0, position);
      if (current.length === 0) break;
      const cp = position < text.length ? text[position]! : -1;
      this.stamp++; // from here on `add` fills the next list
      for (let t = 0; t < current.length; t += 2) {
        const state = current[t]!;
        const start = current[t + 1]!;
        if (state === accept) {
          match = [start, position];
          break; // lower-priority threads lose to this match
        }
        if (cp < 0) continue;
        const token = tokens[state]!;
        if (token === ANY_RUN) {
          if (cp !== NEWLINE) this.add(next, state, start);
        } else if (token === ANY_CHAR ? cp !== NEWLINE : token === cp) {
          this.add(next, state + 1, start);
        }
      }
      if (cp < 0) break;
      [current, next] = [next, current];
      next.length = 0;
    }
    this.current = current;
    this.next = next;
    return match;
  }
}

/** Go's reversal of a pattern: the text reversed, `\x` pairs kept in order. */
function reversePattern(pattern: readonly number[]): number[] {
  const last = pattern.length - 1;
  const out = new Array<number>(pattern.length);
  for (let i = 0; i <= last; ) {
    const cp = pattern[i]!;
    if (cp === BACKSLASH && i !== last) {
      out[last - i - 1] = cp;
      out[last - i] = pattern[i + 1]!;
      i += 2;
    } else {
      out[last - i] = cp;
      i++;
    }
  }
  return out;
}

/** `${VAR#pat}` / `${VAR##pat}`: drop the shortest / longest matching prefix. */
export function removePrefix(value: string, pattern: string, longest: boolean): string {
  const matcher = new Matcher(compile(toCodePoints(pattern)), longest);
  const text = toCodePoints(value);
  const match = matcher.search(text, 0, true);
  return match === undefined ? value : fromCodePoints(text, match[1]);
}

/**
 * `${VAR%pat}` / `${VAR%%pat}`: drop the shortest / longest matching suffix.
 * Like BuildKit, match the reversed pattern against the reversed value.
 */
export function removeSuffix(value: string, pattern: string, longest: boolean): string {
  const matcher = new Matcher(compile(reversePattern(toCodePoints(pattern))), longest);
  const reversed = toCodePoints(value).reverse();
  const match = matcher.search(reversed, 0, true);
  if (match === undefined) return value;
  return fromCodePoints(reversed.slice(match[1]).reverse());
}

/**
 * `${VAR/pat/repl}` and `${VAR//pat/repl}` (all = true). The single form inserts
 * the replacement as is; the all form goes through Go's ReplaceAllString, whose
 * template syntax turns `$0`/`${0}` into the match, `$$` into `$` and any other
 * `$name` into nothing.
 */
export function replaceMatches(value: string, pattern: string, replacement: string, all: boolean): string {
  const matcher = new Matcher(compile(toCodePoints(pattern)), true);
  const text = toCodePoints(value);
  if (!all) {
    const match = matcher.search(text, 0, false);
    if (match === undefined) return value;
    return fromCodePoints(text, 0, match[0]) + replacement + fromCodePoints(text, match[1]);
  }
  let out = '';
  let lastEnd = 0;
  for (let from = 0; from <= text.length; ) {
    const match = matcher.search(text, from, false);
    if (match === undefined) break;
    const [start, end] = match;
    out += fromCodePoints(text, lastEnd, start);
    // an empty match right after the previous match is not replaced again
    if (end > lastEnd || start === 0) out += expandTemplate(replacement, fromCodePoints(text, start, end));
    lastEnd = end;
    from = end > from ? end : from + 1;
  }
  return out + fromCodePoints(text, lastEnd);
}

function isTemplateNameChar(cp: number): boolean {
  return cp === UNDERSCORE || isGoLetter(cp) || isGoDigit(cp);
}

/** Go's Regexp.Expand for a regexp without groups: only group 0 (the match) exists. */
function expandTemplate(template: string, matched: string): string {
  if (!template.includes('$')) return template;
  let out = '';
  let i = 0;
  for (;;) {
    const dollar = template.indexOf('$', i);
    if (dollar < 0) break;
    out += template.slice(i, dollar);
    i = dollar + 1;
    if (template.charCodeAt(i) === DOLLAR) {
      out += '$';
      i++;
      continue;
    }
    const braced = template.charCodeAt(i) === LBRACE;
    let nameEnd = braced ? i + 1 : i;
    const nameStart = nameEnd;
    while (nameEnd < template.length) {
      const cp = template.codePointAt(nameEnd)!;
      if (!isTemplateNameChar(cp)) break;
      nameEnd += cp > 0xffff ? 2 : 1;
    }
    if (nameEnd === nameStart || (braced && template.charCodeAt(nameEnd) !== RBRACE)) {
      out += '$'; // malformed reference: the `$` is literal text
      continue;
    }
    if (template.slice(nameStart, nameEnd) === '0') out += matched;
    i = braced ? nameEnd + 1 : nameEnd;
  }
  return out + template.slice(i);
}
