/**
 * Finds variable references in a raw instruction argument without expanding
 * anything, for rules (undefined variables) and the language server. Follows
 * the same quoting and escaping as the expander, so it lists exactly the names
 * an expansion would look up; it never throws and recovers from broken syntax.
 */

import { codePointSize, isGoDigit, isGoLetter, isSpecialParameter } from './charclass.ts';
import type { EscapeChar } from './expand.ts';
import { DOLLAR, SINGLE_QUOTE, DOUBLE_QUOTE, LBRACE, RBRACE, COLON, SLASH, HASH, PERCENT, MINUS, PLUS, QUESTION, UNDERSCORE, BOM } from './chars.ts';

export type ExpansionOperator = ':-' | '-' | ':+' | '+' | ':?' | '?' | '#' | '##' | '%' | '%%' | '/' | '//';

export interface VariableReference {
  name: string;
  /** offset of the `$` */
  start: number;
  /** offset just past the reference: its `}`, the end of the text when unterminated,
   *  or just past a modifier BuildKit rejects */
  end: number;
  braced: boolean;
  /** absent for `$NAME`, `${NAME}` and modifiers BuildKit rejects (`${A=x}`, `${A:#x}`) */
  operator?: ExpansionOperator;
  nameStart: number;
  nameEnd: number;
}

const NO_STOP = -1;

/** Deeper nesting than this stops the scan (the expander rejects it too). */
const MAX_NESTING = 200;


const SIMPLE_OPERATORS = new Map<number, ExpansionOperator>([
  [MINUS, '-'],
  [PLUS, '+'],
  [QUESTION, '?'],
]);
const COLON_OPERATORS = new Map<number, ExpansionOperator>([
  [MINUS, ':-'],
  [PLUS, ':+'],
  [QUESTION, ':?'],
]);

class ReferenceScanner {
  readonly references: VariableReference[] = [];
  private pos: number;
  private depth = 0;

  constructor(
    private readonly text: string,
    private readonly escape: number,
  ) {
    // mirrors the expander, which skips a leading BOM like Go's text/scanner
    this.pos = text.charCodeAt(0) === BOM ? 1 : 0;
  }

  private peek(): number {
    return this.pos < this.text.length ? this.text.charCodeAt(this.pos) : NO_STOP;
  }

  /** Skips one code point (escaped characters may be astral). */
  private skip(): void {
    if (this.pos < this.text.length) this.pos += codePointSize(this.text, this.pos);
  }

  /** Scans to `stop` (consumed); returns false when the text ends first. */
  scan(stop: number): boolean {
    const text = this.text;
    while (this.pos < text.length) {
      const cp = text.charCodeAt(this.pos);
      if (cp === stop) {
        this.pos++;
        return true;
      }
      if (cp === DOLLAR) this.dollar();
      else if (cp === SINGLE_QUOTE) {
        const close = text.indexOf("'", this.pos + 1);
        this.pos = close < 0 ? text.length : close + 1;
      } else if (cp === DOUBLE_QUOTE) this.doubleQuoted();
      else if (cp === this.escape) {
        this.pos++;
        this.skip();
      } else this.pos++;
    }
    return false;
  }

  private doubleQuoted(): void {
    this.pos++;
    while (this.pos < this.text.length) {
      const cp = this.text.charCodeAt(this.pos);
      if (cp === DOUBLE_QUOTE) {
        this.pos++;
        return;
      }
      if (cp === DOLLAR) {
        this.dollar();
        continue;
      }
      this.pos++;
      if (cp !== this.escape) continue;
      const quoted = this.peek();
      // only these are quoted; any other character after the escape is read normally
      if (quoted === DOUBLE_QUOTE || quoted === DOLLAR || quoted === this.escape) this.pos++;
    }
  }

  private name(): void {
    const text = this.text;
    if (this.pos >= text.length) return;
    const first = text.codePointAt(this.pos)!;
    if (isGoDigit(first)) {
      while (this.pos < text.length && isGoDigit(text.codePointAt(this.pos)!)) this.skip();
    } else if (isSpecialParameter(first)) {
      this.pos++;
    } else {
      while (this.pos < text.length) {
        const cp = text.codePointAt(this.pos)!;
        if (cp !== UNDERSCORE && !isGoLetter(cp) && !isGoDigit(cp)) break;
        this.skip();
      }
    }
  }

  private dollar(): void {
    const start = this.pos;
    this.pos++;
    const braced = this.peek() === LBRACE;
    if (braced) this.pos++;
    const nameStart = this.pos;
    if (braced) {
      const first = this.peek();
      // `${`, `${{`, `${}` and `${:` are errors: no reference, scanning goes on after `${`
      if (first === NO_STOP || first === LBRACE || first === RBRACE || first === COLON) return;
    }
    this.name();
    const nameEnd = this.pos;
    if (nameEnd === nameStart) return;
    const reference: VariableReference = {
      name: this.text.slice(nameStart, nameEnd),
      start,
      end: nameEnd,
      braced,
      nameStart,
      nameEnd,
    };
    this.references.push(reference);
    if (!braced) return;
    if (++this.depth > MAX_NESTING) {
      this.pos = this.text.length;
      reference.end = this.pos;
      return;
    }
    this.modifier(reference);
    this.depth--;
    reference.end = this.pos;
  }

  /** After `${NAME`: reads `}` or a modifier and its words. */
  private modifier(reference: VariableReference): void {
    const cp = this.peek();
    if (cp === NO_STOP) return;
    this.pos++;
    if (cp === RBRACE) return;
    if (cp === SLASH) {
      reference.operator = '/';
      if (this.peek() === SLASH) {
        reference.operator = '//';
        this.pos++;
      }
      if (this.scan(SLASH)) this.scan(RBRACE);
      return;
    }
    if (cp === HASH || cp === PERCENT) {
      const doubled = this.peek() === cp;
      reference.operator = cp === HASH ? (doubled ? '##' : '#') : doubled ? '%%' : '%';
      this.scan(RBRACE);
      return;
    }
    const simple = SIMPLE_OPERATORS.get(cp);
    if (simple !== undefined) {
      reference.operator = simple;
      this.scan(RBRACE);
      return;
    }
    if (cp !== COLON) return; // rejected modifier such as `=`: nothing more to read
    const withColon = COLON_OPERATORS.get(this.peek());
    if (withColon !== undefined) reference.operator = withColon;
    this.skip();
    this.scan(RBRACE);
  }
}

/**
 * Every `$NAME` / `${NAME...}` reference in a raw argument, outermost first,
 * with exact offsets. Never throws; no references inside single quotes or
 * after an escape character; nested references (`${A:-$B}`) are listed too.
 */
export function findVariableReferences(text: string, escape: EscapeChar = '\\'): VariableReference[] {
  const scanner = new ReferenceScanner(text, escape === '`' ? 0x60 : 0x5c);
  scanner.scan(NO_STOP);
  return scanner.references;
}
