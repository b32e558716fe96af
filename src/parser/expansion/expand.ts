/**
 * Variable expansion and word splitting of Dockerfile instruction arguments
 * with the semantics of BuildKit's frontend/dockerfile/shell lexer
 * (ProcessWordWithMatches / ProcessWords): quotes, escapes, `$NAME`, `${NAME}`
 * and the `${NAME<op>word}` forms. This is not the shell of RUN.
 */

import { isGoDigit, isGoLetter, isGoSpace, isSpecialParameter } from './charclass.ts';
import { PatternSyntaxError, removePrefix, removeSuffix, replaceMatches } from './pattern.ts';
import { DOLLAR, SINGLE_QUOTE, DOUBLE_QUOTE, LBRACE, RBRACE, COLON, SLASH, HASH, PERCENT, MINUS, PLUS, QUESTION, UNDERSCORE, BOM } from './chars.ts';

/** Variables in scope (name -> value). */
/** the variables an expansion reads (a Map will do) */
export type Env = Pick<ReadonlyMap<string, string>, 'get'>;
export type EscapeChar = '\\' | '`';

export interface ExpandResult {
  value: string;
  /** referenced names that are set */
  matched: Set<string>;
  /** referenced names that are not set (BuildKit's UndefinedVar input) */
  unmatched: Set<string>;
}

export interface WordsResult {
  words: string[];
  matched: Set<string>;
  unmatched: Set<string>;
}

/** A word BuildKit would refuse to expand; offsets index the input word. */
export class ExpansionError extends Error {
  override name = 'ExpansionError';
  constructor(
    message: string,
    /** start of the construct at fault (the quote or the `$`) */
    readonly offset: number,
    /** end (exclusive) of the text read when the error was found */
    readonly end: number,
  ) {
    super(message);
  }
}

const EOF = -1;
const BACKSLASH = 0x5c;
const BACKTICK = 0x60;

/**
 * Go recurses without limit; a JS stack does not, and no real Dockerfile nests
 * `${}` anywhere near this deep.
 */
const MAX_NESTING = 200;


/** Collects words: unquoted expansion results split on white space, quoted text never does. */
class WordSplitter {
  private readonly words: string[] = [];
  private current = '';
  private inWord = false;

  /** Text subject to splitting (plain characters and unquoted `$` results). */
  addUnquoted(text: string): void {
    let runStart = 0;
    for (let i = 0; i < text.length; i++) {
      if (!isGoSpace(text.charCodeAt(i))) continue;
      if (i > runStart) this.addRaw(text.slice(runStart, i));
      if (this.inWord && this.current.length > 0) {
        this.words.push(this.current);
        this.current = '';
        this.inWord = false;
      }
      runStart = i + 1;
    }
    if (runStart < text.length) this.addRaw(text.slice(runStart));
  }

  /** Quoted or escaped text: kept whole, even if empty or blank. */
  addRaw(text: string): void {
    this.current += text;
    this.inWord = true;
  }

  finish(): string[] {
    // BuildKit drops empty words, so `""` alone yields nothing
    if (this.current.length > 0) this.words.push(this.current);
    return this.words;
  }
}

class Expander {
  private pos: number;
  private depth = 0;
  readonly matched = new Set<string>();
  readonly unmatched = new Set<string>();
  private readonly escapeText: string;

  constructor(
    private readonly text: string,
    private readonly env: Env,
    private readonly escape: number,
  ) {
    // Go's text/scanner, which BuildKit reads words with, skips a leading BOM
    this.pos = text.charCodeAt(0) === BOM ? 1 : 0;
    this.escapeText = String.fromCharCode(escape);
  }

  private peek(): number {
    return this.pos < this.text.length ? this.text.codePointAt(this.pos)! : EOF;
  }

  private next(): number {
    const cp = this.peek();
    if (cp !== EOF) this.pos += cp > 0xffff ? 2 : 1;
    return cp;
  }

  private lookup(name: string): string | undefined {
    // `${%x}`, `${/a/b}`: no name, so no variable (findVariableReferences lists none either)
    if (name === '') return undefined;
    const value = this.env.get(name);
    (value === undefined ? this.unmatched : this.matched).add(name);
    return value;
  }

  /**
   * Reads up to `stop` (consumed) or the end, expanding as it goes. `rawEscapes`
   * keeps escape characters in the result (pattern words of #, %, /).
   */
  process(stop: number, rawEscapes: boolean, words: WordSplitter | undefined): string {
    const text = this.text;
    let result = '';
    while (this.pos < text.length) {
      const cp = text.charCodeAt(this.pos);
      if (cp === stop) {
        this.pos++;
        return result;
      }
      if (cp === DOLLAR) {
        const value = this.dollar();
        result += value;
        words?.addUnquoted(value);
      } else if (cp === SINGLE_QUOTE || cp === DOUBLE_QUOTE) {
        const value = cp === SINGLE_QUOTE ? this.singleQuoted() : this.doubleQuoted(rawEscapes);
        result += value;
        words?.addRaw(value);
      } else if (cp === this.escape) {
        this.pos++;
        if (rawEscapes) {
          result += this.escapeText;
          words?.addRaw(this.escapeText);
        }
        const escapedStart = this.pos;
        // an escape at the very end is dropped
        if (this.next() === EOF) break;
        const escaped = text.slice(escapedStart, this.pos);
        result += escaped;
        words?.addRaw(escaped);
      } else {
        const runStart = this.pos;
        let i = this.pos + 1;
        for (; i < text.length; i++) {
          const c = text.charCodeAt(i);
          if (c === stop || c === DOLLAR || c === SINGLE_QUOTE || c === DOUBLE_QUOTE || c === this.escape) break;
        }
        this.pos = i;
        const run = text.slice(runStart, i);
        result += run;
        words?.addUnquoted(run);
      }
    }
    if (stop !== EOF) {
      throw new ExpansionError(
        `unexpected end of statement while looking for matching ${String.fromCharCode(stop)}`,
        this.pos,
        this.pos,
      );
    }
    return result;
  }

  /** '...': everything literal up to the next single quote. */
  private singleQuoted(): string {
    const start = this.pos;
    const close = this.text.indexOf("'", start + 1);
    if (close < 0) {
      throw new ExpansionError(
        'unexpected end of statement while looking for matching single-quote',
        start,
        this.text.length,
      );
    }
    this.pos = close + 1;
    return this.text.slice(start + 1, close);
  }

  /** "...": `$` expands; the escape character only quotes `"`, `$` and itself. */
  private doubleQuoted(rawEscapes: boolean): string {
    const start = this.pos;
    this.pos++;
    let result = '';
    for (;;) {
      const cp = this.peek();
      if (cp === EOF) {
        throw new ExpansionError(
          'unexpected end of statement while looking for matching double-quote',
          start,
          this.text.length,
        );
      }
      if (cp === DOUBLE_QUOTE) {
        this.pos++;
        return result;
      }
      if (cp === DOLLAR) {
        result += this.dollar();
        continue;
      }
      const charStart = this.pos;
      this.next();
      if (cp !== this.escape) {
        result += this.text.slice(charStart, this.pos);
        continue;
      }
      if (rawEscapes) result += this.escapeText;
      const quoted = this.peek();
      if (quoted === EOF) continue;
      if (quoted === DOUBLE_QUOTE || quoted === DOLLAR || quoted === this.escape) {
        this.next();
        result += String.fromCharCode(quoted);
      } else {
        // BuildKit writes the escape again here, so raw mode doubles it
        result += this.escapeText;
      }
    }
  }

  /** A name after `$` or `${`: digits, one special character, or letters/digits/_. */
  private name(): string {
    const start = this.pos;
    const first = this.peek();
    if (first === EOF) return '';
    if (isGoDigit(first)) {
      while (isGoDigit(this.peek())) this.next();
    } else if (isSpecialParameter(first)) {
      this.next();
    } else {
      for (let cp = first; cp === UNDERSCORE || isGoLetter(cp) || isGoDigit(cp); cp = this.peek()) this.next();
    }
    return this.text.slice(start, this.pos);
  }

  private dollar(): string {
    const start = this.pos;
    this.pos++;
    if (this.peek() !== LBRACE) {
      const name = this.name();
      return name === '' ? '$' : (this.lookup(name) ?? '');
    }
    this.pos++;
    const first = this.peek();
    if (first === EOF) throw new ExpansionError("syntax error: missing '}'", start, this.pos);
    if (first === LBRACE || first === RBRACE || first === COLON) {
      throw new ExpansionError('syntax error: bad substitution', start, this.pos + 1);
    }
    if (++this.depth > MAX_NESTING) {
      throw new ExpansionError('variable substitutions nested too deeply', start, this.pos);
    }
    try {
      return this.braced(start);
    } finally {
      this.depth--;
    }
  }

  /** After `${`: the name, then `}` or a modifier. */
  private braced(start: number): string {
    const name = this.name();
    const modifierStart = this.pos;
    let modifier = this.next();
    if (modifier === RBRACE) return this.lookup(name) ?? '';
    if (modifier === EOF) throw new ExpansionError("syntax error: missing '}'", start, this.pos);
    if (modifier === SLASH) return this.substitute(name, start);

    let nullIsUnset = false;
    if (modifier === COLON) {
      nullIsUnset = true;
      modifier = this.next();
    }
    const modifierEnd = this.pos;
    const unsupported = (): ExpansionError =>
      new ExpansionError(
        `unsupported modifier (${this.text.slice(modifierStart, modifierEnd)}) in substitution`,
        start,
        this.pos,
      );
    const known = modifier === MINUS || modifier === PLUS || modifier === QUESTION || modifier === HASH || modifier === PERCENT;
    // after `:` BuildKit reads the word before rejecting an unknown modifier
    if (!nullIsUnset && !known) {
      throw unsupported();
    }
    const trims = modifier === HASH || modifier === PERCENT;
    if (nullIsUnset && trims) throw unsupported();
    const word = this.nestedWord(RBRACE, trims, start, "syntax error: missing '}'");
    const value = this.lookup(name);
    const unset = value === undefined || (nullIsUnset && value === '');

    switch (modifier) {
      case MINUS:
        return unset ? word : value!;
      case PLUS:
        return unset ? '' : word;
      case QUESTION:
        if (unset) {
          const reason = value === undefined ? 'is not allowed to be unset' : 'is not allowed to be empty';
          throw new ExpansionError(`${name}: ${word === '' ? reason : word}`, start, this.pos);
        }
        return value!;
      case HASH:
      case PERCENT: {
        // a doubled operator (## or %%) asks for the longest match
        const longest = word.charCodeAt(0) === modifier;
        const pattern = longest ? word.slice(1) : word;
        return this.withPattern(pattern, start, () =>
          modifier === HASH ? removePrefix(value ?? '', pattern, longest) : removeSuffix(value ?? '', pattern, longest),
        );
      }
      default:
        throw unsupported();
    }
  }

  /** `${NAME/pattern/replacement}` and `${NAME//pattern/replacement}`. */
  private substitute(name: string, start: number): string {
    const all = this.peek() === SLASH;
    if (all) this.pos++;
    const pattern = this.nestedWord(SLASH, true, start, "syntax error: missing '/' in ${}");
    const replacement = this.nestedWord(RBRACE, true, start, "syntax error: missing '}'");
    const value = this.lookup(name) ?? '';
    return this.withPattern(pattern, start, () => replaceMatches(value, pattern, replacement, all));
  }

  private withPattern(pattern: string, start: number, apply: () => string): string {
    try {
      return apply();
    } catch (error) {
      if (!(error instanceof PatternSyntaxError)) throw error;
      throw new ExpansionError(`invalid pattern (${pattern}) in substitution: ${error.message}`, start, this.pos);
    }
  }

  /** The word inside `${...}`; running off the end reports the missing delimiter. */
  private nestedWord(stop: number, rawEscapes: boolean, start: number, missing: string): string {
    try {
      return this.process(stop, rawEscapes, undefined);
    } catch (error) {
      if (error instanceof ExpansionError && this.peek() === EOF) {
        throw new ExpansionError(missing, start, this.text.length);
      }
      throw error;
    }
  }
}

function escapeCode(escape: EscapeChar): number {
  return escape === '`' ? BACKTICK : BACKSLASH;
}

/** Expands one word as BuildKit's ProcessWordWithMatches. Throws ExpansionError. */
export function expandWord(word: string, env: Env, escape: EscapeChar = '\\'): ExpandResult {
  const expander = new Expander(word, env, escapeCode(escape));
  const value = expander.process(EOF, false, undefined);
  return { value, matched: expander.matched, unmatched: expander.unmatched };
}

/**
 * Expands and splits a line into words as BuildKit's ProcessWords: white space
 * outside quotes separates words, including white space that unquoted
 * variables expand to. Throws ExpansionError.
 */
export function expandWords(line: string, env: Env, escape: EscapeChar = '\\'): WordsResult {
  const expander = new Expander(line, env, escapeCode(escape));
  const splitter = new WordSplitter();
  expander.process(EOF, false, splitter);
  return { words: splitter.finish(), matched: expander.matched, unmatched: expander.unmatched };
}
