/**
 * A compact recursive-descent parser for the POSIX sh / bash subset that RUN scripts use.
 * It reads the script once, straight from the string (no token array), and produces the flat
 * command model of types.ts. Chosen over sh-syntax and web-tree-sitter by measurement; see
 * docs/decisions/shell-parser.md.
 */
import { mayRunChildShell, programName, shellCScript, shellStdinScript } from './commands.ts';
import type {
  ShellCommand,
  ShellDialect,
  ShellError,
  ShellParseOptions,
  ShellPipeline,
  ShellRedirect,
  ShellScript,
  ShellWord,
} from './types.ts';

/** How the command a construct belongs to runs; nested constructs inherit it. */
interface Context {
  inSubshell: boolean;
  inCondition: boolean;
}

// contexts are built as literals with one field order (a spread would make another object shape)
function subshellContext(ctx: Context): Context {
  return ctx.inSubshell ? ctx : { inSubshell: true, inCondition: ctx.inCondition };
}

function conditionalContext(ctx: Context): Context {
  return ctx.inCondition ? ctx : { inSubshell: ctx.inSubshell, inCondition: true };
}

interface PendingHeredoc {
  redirect: ShellRedirect;
  delimiter: string;
  stripTabs: boolean;
  quoted: boolean;
}

// character classes for codes < 128
const BLANK = 1; // space, tab, CR (a CR of a CRLF script is layout, not part of a word)
const META = 2; // ends a word
const SPECIAL = 4; // needs a look inside a word: quotes, escapes, expansions
const charClass = new Uint8Array(128);
for (const c of ' \t\r') charClass[c.charCodeAt(0)] = BLANK | META;
for (const c of '\n;&|<>()') charClass[c.charCodeAt(0)] = META;
for (const c of '\\\'"`$') charClass[c.charCodeAt(0)] = SPECIAL;

const isClass = (code: number, cls: number): boolean => code < 128 && (charClass[code]! & cls) !== 0;

const RESERVED = [
  'if', 'then', 'elif', 'else', 'fi', 'do', 'done', 'case', 'esac', 'while', 'until', 'for',
  'select', 'in', 'function', '{', '}', '!', '[[', 'time',
];
/** reserved words by length, to compare in place */
const RESERVED_BY_LENGTH: string[][] = [];
for (const word of RESERVED) (RESERVED_BY_LENGTH[word.length] ??= []).push(word);
const NO_WORDS: readonly string[] = [];
/** tokens that close a construct; meeting one where nothing is open is a syntax error */
const CLOSERS = new Set([')', ';;', ';&', ';;&', 'then', 'elif', 'else', 'fi', 'do', 'done', 'esac', '}']);
const NO_STOPS: ReadonlySet<string> = new Set();
const STOP_THEN = new Set(['then']);
const STOP_IF_BODY = new Set(['elif', 'else', 'fi']);
const STOP_FI = new Set(['fi']);
const STOP_DO = new Set(['do']);
const STOP_DONE = new Set(['done']);
const STOP_BRACE = new Set(['}']);
const STOP_PAREN = new Set([')']);
const STOP_CASE_ITEM = new Set([';;', ';&', ';;&', 'esac']);
const REDIRECT_OPS = ['<<<', '<<-', '<<', '<>', '<&', '<', '>>', '>|', '>&', '>', '&>>', '&>'];
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)(\[[^\]]*\])?\+?=/;
const ARRAY_ASSIGNMENT_PREFIX = /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=$/;
const ANSI_C_ESCAPES: Record<string, string> = {
  n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v',
  '\\': '\\', "'": "'", '"': '"', '?': '?',
};
/** deeper nesting than any real script; the limit keeps hostile input off the call stack's end */
const MAX_NESTING = 64;

/** Collects a word's static value and, when asked, the source offset of each value character. */
class ValueBuilder {
  value = '';
  isStatic = true;
  constructor(readonly offsets?: number[]) {}

  add(text: string, sourceStart: number): void {
    this.value += text;
    if (this.offsets) for (let i = 0; i < text.length; i++) this.offsets.push(sourceStart + i);
  }
}

class ShellParser {
  pos = 0;
  readonly commands: ShellCommand[] = [];
  readonly errors: ShellError[] = [];
  readonly pipelines: ShellPipeline[] = [];
  hasPipes = false;
  /** where the last token read ends (a word, a closing keyword): pipelines end there, not after blanks */
  private tokenEnd = 0;
  private depth: number;
  private pendingHeredocs: PendingHeredoc[] = [];

  constructor(
    readonly src: string,
    readonly dialect: ShellDialect,
    depth: number,
  ) {
    this.depth = depth;
  }

  run(ctx: Context): void {
    this.parseList(ctx, NO_STOPS);
    if (this.pendingHeredocs.length > 0) this.readHeredocs();
    this.parseShellCStrings();
  }

  private error(message: string, start: number, end: number): void {
    const length = this.src.length;
    this.errors.push({ message, start: Math.min(start, length), end: Math.min(Math.max(start, end), length) });
  }

  private code(at = this.pos): number {
    return this.src.charCodeAt(at);
  }

  /**
   * Length of a line continuation at `at`, 0 if none. Read as BuildKit reads raw RUN text:
   * a backslash, optional blanks, a newline, then any comment or blank lines (BuildKit drops
   * those inside a continuation), so the text of the file can be parsed as it stands.
   */
  private continuationAt(at: number): number {
    const src = this.src;
    if (src.charCodeAt(at) !== 92) return 0;
    let i = at + 1;
    for (let c = src.charCodeAt(i); c === 32 || c === 9 || c === 13; ) c = src.charCodeAt(++i);
    if (src.charCodeAt(i) !== 10) return 0;
    i++;
    for (;;) {
      let j = i;
      for (let c = src.charCodeAt(j); c === 32 || c === 9 || c === 13; ) c = src.charCodeAt(++j);
      const c = src.charCodeAt(j);
      if (c === 10) i = j + 1;
      else if (c === 35 /* # */) {
        const nl = src.indexOf('\n', j);
        if (nl < 0) return j - at; // a trailing comment is left to the caller
        i = nl + 1;
      } else return i - at;
    }
  }

  // ---- layout -------------------------------------------------------------------------

  /** Skips blanks, backslash-newline continuations and a comment; stops at a newline. */
  private skipBlanks(): void {
    const src = this.src;
    for (;;) {
      const c = src.charCodeAt(this.pos);
      if (c === 32 || c === 9 || c === 13) this.pos++;
      else if (c === 92 && this.continuationAt(this.pos) > 0) this.pos += this.continuationAt(this.pos);
      else if (c === 35 /* # */) {
        const nl = src.indexOf('\n', this.pos);
        this.pos = nl < 0 ? src.length : nl;
      } else return;
    }
  }

  /** Consumes a newline token; heredoc bodies announced on the line start right after it. */
  private newline(): void {
    this.pos++;
    if (this.pendingHeredocs.length > 0) this.readHeredocs();
  }

  /** Skips blanks, comments and newlines (allowed after `&&`, `||`, `|`, `do`, ...). */
  private skipLinebreaks(): void {
    for (;;) {
      this.skipBlanks();
      if (this.code() === 10) this.newline();
      else return;
    }
  }

  /** A reserved word at the current position (only when delimited), else undefined. */
  private peekReserved(): string | undefined {
    const src = this.src;
    let end = this.pos;
    while (end < src.length && end - this.pos <= 8) {
      const c = src.charCodeAt(end);
      if (isClass(c, META | SPECIAL)) break;
      end++;
    }
    if (end === this.pos || end - this.pos > 8) return undefined;
    if (end < src.length && !isClass(src.charCodeAt(end), META)) return undefined;
    // compared in place: a slice per command would be garbage for nearly every word
    for (const word of RESERVED_BY_LENGTH[end - this.pos] ?? NO_WORDS) if (src.startsWith(word, this.pos)) return word;
    return undefined;
  }

  /** A token that may close a list: `)`, `;;`, `;&`, `;;&` or a reserved word. */
  private peekStop(): string | undefined {
    const c = this.code();
    if (c === 41) return ')';
    if (c === 59 /* ; */) {
      const n = this.code(this.pos + 1);
      if (n === 59) return this.code(this.pos + 2) === 38 ? ';;&' : ';;';
      if (n === 38) return ';&';
      return undefined;
    }
    return this.peekReserved();
  }

  private expect(word: string, openedAt: number): boolean {
    this.skipLinebreaks();
    if (this.peekStop() === word) {
      this.pos += word.length;
      this.tokenEnd = this.pos;
      return true;
    }
    this.error(`expected '${word}'`, openedAt, this.pos);
    return false;
  }

  // ---- lists and pipelines -------------------------------------------------------------

  private parseList(ctx: Context, stops: ReadonlySet<string>): void {
    if (this.depth >= MAX_NESTING) {
      this.error('nesting too deep', this.pos, this.src.length);
      this.pos = this.src.length;
      return;
    }
    this.depth++;
    let separator: string | undefined;
    let any = false;
    while (this.pos < this.src.length) {
      this.skipBlanks();
      if (this.pos >= this.src.length) break;
      const c = this.code();
      if (c === 10) {
        this.newline();
        if (any && separator === undefined) separator = '\n';
        continue;
      }
      const stop = this.peekStop();
      if (stop !== undefined && stops.has(stop)) break;
      if (stop !== undefined && CLOSERS.has(stop)) {
        this.error(`unexpected '${stop}'`, this.pos, this.pos + stop.length);
        this.pos += stop.length;
        continue;
      }
      if ((c === 59 || c === 38) && this.code(this.pos + 1) !== 38 && this.code(this.pos + 1) !== 62) {
        // `;` or `&` (but not `&&`, `&>`)
        if (!any || separator !== undefined) this.error(`unexpected '${c === 59 ? ';' : '&'}'`, this.pos, this.pos + 1);
        separator = c === 59 ? ';' : '&';
        this.pos++;
        continue;
      }
      if (any && separator === undefined) this.error('expected a separator (; or newline)', this.pos, this.pos + 1);
      const before = this.pos;
      this.parseAndOr(ctx, any ? separator : undefined);
      any = true;
      separator = undefined;
      if (this.pos === before) {
        // nothing parsed: an operator in the wrong place
        this.error(`unexpected '${this.src[this.pos]}'`, this.pos, this.pos + 1);
        this.pos++;
      }
    }
    this.depth--;
  }

  private parseAndOr(ctx: Context, joinedBy: string | undefined): void {
    const first = this.commands.length;
    // everything up to the pipeline after the last `||` is a condition: left of a `||` its
    // failure is tolerated, right after one it runs only on failure
    let conditionEnd = first;
    let op = joinedBy;
    for (;;) {
      this.parsePipeline(ctx, op);
      if (op === '||') conditionEnd = this.commands.length;
      this.skipBlanks();
      const c = this.code();
      if ((c !== 38 && c !== 124) || this.code(this.pos + 1) !== c) break;
      op = c === 38 ? '&&' : '||';
      this.pos += 2;
      this.skipLinebreaks();
      if (this.pos >= this.src.length) this.error(`expected a command after '${op}'`, this.pos - 2, this.pos);
    }
    for (let k = first; k < conditionEnd; k++) this.commands[k]!.inCondition = true;
  }

  private parsePipeline(ctx: Context, joinedBy: string | undefined): void {
    let pipeCtx = ctx;
    // the root parser's own list is at depth 1 (nested scripts start deeper)
    this.skipBlanks();
    const top = this.depth === 1 ? { start: this.pos, end: this.pos, joinedBy } : undefined;
    for (;;) {
      this.skipBlanks();
      const word = this.peekReserved();
      if (word === '!') {
        this.pos++;
        pipeCtx = conditionalContext(pipeCtx);
      } else if (word === 'time') {
        this.pos += 4;
        this.skipBlanks();
        if (this.src.startsWith('-p', this.pos) && isClass(this.code(this.pos + 2), META)) this.pos += 2;
      } else break;
    }
    const first = this.commands.length;
    let count = 0;
    let op = joinedBy;
    for (;;) {
      const element = this.commands.length;
      this.parseCommand(pipeCtx, op);
      count++;
      this.skipBlanks();
      if (this.code() !== 124 || this.code(this.pos + 1) === 124) break;
      for (let k = element; k < this.commands.length; k++) this.commands[k]!.beforePipe = true;
      op = this.code(this.pos + 1) === 38 ? '|&' : '|';
      this.pos += op.length;
      this.skipLinebreaks();
      if (this.pos >= this.src.length) this.error(`expected a command after '${op}'`, this.pos - op.length, this.pos);
    }
    if (count > 1) {
      this.hasPipes = true;
      for (let k = first; k < this.commands.length; k++) this.commands[k]!.inPipeline = true;
    }
    if (top) {
      top.end = Math.max(top.start, this.tokenEnd);
      this.pipelines.push(top);
    }
  }

  // ---- commands ------------------------------------------------------------------------

  private parseCommand(ctx: Context, joinedBy: string | undefined): void {
    this.skipBlanks();
    const start = this.pos;
    const c = this.code();
    if (c === 40 /* ( */) {
      if (this.code(this.pos + 1) === 40) this.skipArithmetic(this.pos + 2);
      else {
        this.pos++;
        this.parseList(subshellContext(ctx), STOP_PAREN);
        this.expect(')', start);
      }
      this.parseTrailingRedirects(ctx);
      return;
    }
    const word = this.peekReserved();
    switch (word) {
      case '{':
        this.pos++;
        this.parseList(ctx, STOP_BRACE);
        this.expect('}', start);
        break;
      case 'if':
        this.parseIf(ctx, start);
        break;
      case 'while':
      case 'until':
        this.pos += word.length;
        this.parseList(conditionalContext(ctx), STOP_DO);
        if (this.expect('do', start)) {
          this.parseList(ctx, STOP_DONE);
          this.expect('done', start);
        }
        break;
      case 'for':
      case 'select':
        this.parseFor(ctx, start, word.length);
        break;
      case 'case':
        this.parseCase(ctx, start);
        break;
      case 'function':
        this.pos += word.length;
        this.skipBlanks();
        this.parseWord(ctx, false);
        this.skipBlanks();
        if (this.code() === 40) this.skipEmptyParens();
        this.parseFunctionBody(ctx, start);
        return;
      case '[[':
        this.parseTestCommand(ctx, joinedBy);
        return;
      default:
        this.parseSimpleCommand(ctx, joinedBy);
        return;
    }
    this.parseTrailingRedirects(ctx);
  }

  private parseIf(ctx: Context, start: number): void {
    const condCtx = conditionalContext(ctx);
    this.pos += 2;
    for (;;) {
      this.parseList(condCtx, STOP_THEN);
      if (!this.expect('then', start)) return;
      this.parseList(ctx, STOP_IF_BODY);
      this.skipLinebreaks();
      const next = this.peekReserved();
      if (next === 'elif') {
        this.pos += 4;
        continue;
      }
      if (next === 'else') {
        this.pos += 4;
        this.parseList(ctx, STOP_FI);
      }
      this.expect('fi', start);
      return;
    }
  }

  private parseFor(ctx: Context, start: number, keywordLength: number): void {
    this.pos += keywordLength;
    this.skipBlanks();
    if (this.src.startsWith('((', this.pos)) this.skipArithmetic(this.pos + 2);
    else {
      if (this.pos < this.src.length && !isClass(this.code(), META)) this.parseWord(ctx, false);
      else this.error('expected a loop variable', start, this.pos);
      this.skipLinebreaks();
      if (this.peekReserved() === 'in') {
        this.pos += 2;
        for (;;) {
          this.skipBlanks();
          if (this.pos >= this.src.length || isClass(this.code(), META)) break;
          this.parseWord(ctx, false);
        }
      }
    }
    this.skipBlanks();
    if (this.code() === 59) this.pos++;
    this.skipLinebreaks();
    if (this.peekReserved() === '{') {
      // bash also accepts `for x in a; { list; }`
      this.pos++;
      this.parseList(ctx, STOP_BRACE);
      this.expect('}', start);
    } else if (this.expect('do', start)) {
      this.parseList(ctx, STOP_DONE);
      this.expect('done', start);
    }
  }

  private parseCase(ctx: Context, start: number): void {
    this.pos += 4;
    this.skipBlanks();
    this.parseWord(ctx, false);
    if (!this.expect('in', start)) return;
    for (;;) {
      this.skipLinebreaks();
      if (this.pos >= this.src.length || this.peekReserved() === 'esac') break;
      if (this.code() === 40) this.pos++;
      // patterns: words separated by `|`, closed by `)`
      for (;;) {
        this.skipBlanks();
        const c = this.code();
        if (c === 41) {
          this.pos++;
          break;
        }
        if (c === 124) {
          this.pos++;
          continue;
        }
        if (this.pos >= this.src.length || isClass(c, META)) {
          this.error("expected ')' after a case pattern", start, this.pos);
          return;
        }
        this.parseWord(ctx, false);
      }
      this.parseList(ctx, STOP_CASE_ITEM);
      this.skipBlanks();
      const stop = this.peekStop();
      if (stop === ';;' || stop === ';&' || stop === ';;&') this.pos += stop.length;
      else break;
    }
    this.expect('esac', start);
  }

  private skipEmptyParens(): void {
    this.pos++;
    this.skipBlanks();
    if (this.code() === 41) this.tokenEnd = ++this.pos;
    else this.error("expected ')'", this.pos - 1, this.pos);
  }

  private parseFunctionBody(ctx: Context, start: number): void {
    this.skipLinebreaks();
    if (this.pos >= this.src.length) {
      this.error('expected a function body', start, this.pos);
      return;
    }
    this.parseCommand(ctx, undefined);
  }

  /** `((...))` and `for ((...))`: arithmetic, skipped as a balanced span. */
  private skipArithmetic(from: number): void {
    const open = from - 2;
    let depth = 0;
    for (let i = from; i < this.src.length; i++) {
      const c = this.src.charCodeAt(i);
      if (c === 40) depth++;
      else if (c === 41) {
        if (depth > 0) depth--;
        else if (this.src.charCodeAt(i + 1) === 41) {
          this.pos = i + 2;
          this.tokenEnd = this.pos;
          return;
        }
      }
    }
    this.error("unterminated '(('", open, this.src.length);
    this.pos = this.src.length;
  }

  /** Redirects after a compound command or `[[ ]]`; kept on `cmd` when there is one. */
  private parseTrailingRedirects(ctx: Context, cmd?: ShellCommand): void {
    for (;;) {
      this.skipBlanks();
      if (!this.atRedirect()) return;
      const redirect = this.parseRedirect(ctx);
      if (cmd) {
        cmd.redirects.push(redirect);
        cmd.end = redirect.end;
      }
    }
  }

  private newCommand(start: number, joinedBy: string | undefined, ctx: Context): ShellCommand {
    // every field present from the start: one object shape for all commands
    return {
      name: undefined,
      program: undefined,
      args: [],
      assignments: [],
      redirects: [],
      start,
      end: start,
      joinedBy,
      inPipeline: false,
      beforePipe: false,
      inSubshell: ctx.inSubshell,
      inCondition: ctx.inCondition,
    };
  }

  private parseSimpleCommand(ctx: Context, joinedBy: string | undefined): void {
    const cmd = this.newCommand(this.pos, joinedBy, ctx);
    for (;;) {
      this.skipBlanks();
      if (this.pos >= this.src.length) break;
      const c = this.code();
      if (this.atRedirect()) {
        const redirect = this.parseRedirect(ctx);
        cmd.redirects.push(redirect);
        cmd.end = redirect.end;
        continue;
      }
      if (c === 40 /* ( */ && cmd.name && cmd.args.length === 0 && cmd.assignments.length === 0) {
        // `name() body`: a function definition, not a command
        this.skipEmptyParens();
        this.parseFunctionBody(ctx, cmd.start);
        return;
      }
      if (isClass(c, META) && !this.atProcessSubstitution()) break;
      const word = this.parseWord(ctx, !cmd.name);
      cmd.end = word.end;
      const assignment = cmd.name || !word.text.includes('=') ? null : ASSIGNMENT.exec(word.text);
      if (assignment) {
        const eq = assignment[0].length;
        // the name part is plain text, so the static value starts with it too
        const staticValue = word.value === undefined ? undefined : word.value.slice(word.value.indexOf('=') + 1);
        const value: ShellWord = { text: word.text.slice(eq), value: staticValue, start: word.start + eq, end: word.end };
        cmd.assignments.push({ name: assignment[1]!, value, start: word.start, end: word.end });
      } else if (!cmd.name) cmd.name = word;
      else cmd.args.push(word);
    }
    cmd.program = programName(cmd.name);
    if (cmd.end > cmd.start) this.commands.push(cmd);
  }

  /** `[[ ... ]]`: its operators (`<`, `&&`, `(`, ...) are words of the test, not shell syntax. */
  private parseTestCommand(ctx: Context, joinedBy: string | undefined): void {
    const cmd = this.newCommand(this.pos, joinedBy, ctx);
    cmd.name = { text: '[[', value: '[[', start: this.pos, end: this.pos + 2 };
    cmd.program = '[[';
    this.pos += 2;
    let closed = false;
    for (;;) {
      this.skipLinebreaks();
      if (this.pos >= this.src.length) break;
      const start = this.pos;
      if (this.src.startsWith(']]', start) && (start + 2 >= this.src.length || isClass(this.code(start + 2), META))) {
        this.pos += 2;
        cmd.args.push({ text: ']]', value: ']]', start, end: this.pos });
        closed = true;
        break;
      }
      if (isClass(this.code(), META)) {
        while (this.pos < this.src.length && isClass(this.code(), META) && !isClass(this.code(), BLANK) && this.code() !== 10) this.pos++;
        const text = this.src.slice(start, this.pos);
        cmd.args.push({ text, value: text, start, end: this.pos });
      } else cmd.args.push(this.parseWord(ctx, false));
    }
    cmd.end = this.pos;
    this.tokenEnd = this.pos;
    if (!closed) this.error("expected ']]'", cmd.start, this.pos);
    this.parseTrailingRedirects(ctx, cmd);
    this.commands.push(cmd);
  }

  // ---- redirects and heredocs ----------------------------------------------------------

  /** At `>`, `<`, `&>`, `2>`, `{fd}>` (but not a `<(` / `>(` process substitution). */
  private atRedirect(): boolean {
    const src = this.src;
    let i = this.pos;
    let c = src.charCodeAt(i);
    if (c === 38 /* & */) return src.charCodeAt(i + 1) === 62;
    while (c >= 48 && c <= 57) c = src.charCodeAt(++i);
    if (c === 123 /* { */ && i === this.pos) {
      const close = src.indexOf('}', i);
      if (close < 0 || !/^\{[A-Za-z_][A-Za-z0-9_]*$/.test(src.slice(i, close))) return false;
      i = close + 1;
      c = src.charCodeAt(i);
    }
    if (c !== 60 && c !== 62) return false;
    return !(i === this.pos && src.charCodeAt(i + 1) === 40);
  }

  private atProcessSubstitution(): boolean {
    const c = this.code();
    return (c === 60 || c === 62) && this.code(this.pos + 1) === 40;
  }

  private parseRedirect(ctx: Context): ShellRedirect {
    const start = this.pos;
    while (this.pos < this.src.length && !isClass(this.code(), META)) this.pos++; // fd number or {name}
    const op = REDIRECT_OPS.find((o) => this.src.startsWith(o, this.pos)) ?? '>';
    this.pos += op.length;
    this.tokenEnd = this.pos;
    const redirect: ShellRedirect = { op, start, end: this.pos };
    this.skipBlanks();
    if (this.pos >= this.src.length || (isClass(this.code(), META) && !this.atProcessSubstitution())) {
      this.error(`expected a target after '${op}'`, start, this.pos);
      return redirect;
    }
    const target = this.parseWord(ctx, false);
    redirect.target = target;
    redirect.end = target.end;
    if (op === '<<' || op === '<<-') {
      const quoted = /['"\\]/.test(target.text);
      const delimiter = target.value ?? target.text.replace(/['"\\]/g, '');
      this.pendingHeredocs.push({ redirect, delimiter, stripTabs: op === '<<-', quoted });
    }
    return redirect;
  }

  /** Reads the bodies of the heredocs announced on the line just ended. */
  private readHeredocs(): void {
    const src = this.src;
    for (const heredoc of this.pendingHeredocs) {
      const bodyStart = this.pos;
      let bodyEnd = -1;
      let value = '';
      while (this.pos < src.length) {
        const nl = src.indexOf('\n', this.pos);
        const lineEnd = nl < 0 ? src.length : nl;
        let line = src.slice(this.pos, lineEnd);
        if (line.endsWith('\r')) line = line.slice(0, -1);
        if (heredoc.stripTabs) line = line.replace(/^\t+/, '');
        const atDelimiter = line === heredoc.delimiter;
        if (atDelimiter) bodyEnd = this.pos;
        this.pos = nl < 0 ? src.length : nl + 1;
        if (atDelimiter) break;
        value += line + (nl < 0 ? '' : '\n');
      }
      if (bodyEnd < 0) {
        bodyEnd = src.length;
        this.error(`heredoc delimited by '${heredoc.delimiter}' is not terminated`, heredoc.redirect.start, src.length);
      }
      const text = src.slice(bodyStart, bodyEnd);
      const staticValue = heredoc.quoted || !/[$`]/.test(value) ? value : undefined;
      heredoc.redirect.body = { text, value: staticValue, start: bodyStart, end: bodyEnd };
    }
    this.pendingHeredocs = [];
  }

  // ---- words ---------------------------------------------------------------------------

  /**
   * Reads one word from the current position. Substitutions inside it (`$(...)`, backticks,
   * `<(...)`) are parsed as nested scripts whose commands run in a subshell.
   */
  parseWord(ctx: Context, allowArray: boolean, offsets?: number[]): ShellWord {
    const src = this.src;
    const start = this.pos;
    const c0 = this.code();
    if (offsets === undefined) {
      // most words are plain (`apt-get`, `-y`, `curl`): text and value are one string, no builder
      let i = start;
      let c = c0;
      while (i < src.length && !isClass(c, META | SPECIAL)) c = src.charCodeAt(++i);
      if (i > start && (i >= src.length || (isClass(c, META) && !(c === 40 && allowArray)))) {
        this.pos = i;
        this.tokenEnd = i;
        const text = src.slice(start, i);
        return { text, value: text, start, end: i };
      }
    }
    const b = new ValueBuilder(offsets);
    if ((c0 === 60 || c0 === 62) && this.code(start + 1) === 40) {
      // process substitution `<(...)` / `>(...)`
      this.parseCommandSubstitution(ctx, start + 2);
      b.isStatic = false;
    }
    while (this.pos < src.length) {
      const runStart = this.pos;
      while (this.pos < src.length && !isClass(this.code(), META | SPECIAL)) this.pos++;
      if (this.pos > runStart) b.add(src.slice(runStart, this.pos), runStart);
      if (this.pos >= src.length) break;
      const c = this.code();
      if (isClass(c, META)) {
        if (c === 40 && allowArray && ARRAY_ASSIGNMENT_PREFIX.test(src.slice(start, this.pos))) {
          this.skipArrayValue(ctx);
          b.isStatic = false;
          continue;
        }
        break;
      }
      this.parseWordPart(ctx, b, false);
    }
    if (this.pos === start) {
      // not at a word at all; consume one character so callers always advance
      if (start < src.length) {
        this.error(`unexpected '${src[start]}'`, start, start + 1);
        this.pos++;
      } else this.error('expected a word', start, start);
    }
    this.tokenEnd = this.pos;
    return { text: src.slice(start, this.pos), value: b.isStatic ? b.value : undefined, start, end: this.pos };
  }

  /** One quote, escape or expansion at the current position (a SPECIAL character). */
  private parseWordPart(ctx: Context, b: ValueBuilder, inDoubleQuotes: boolean): void {
    const src = this.src;
    const c = this.code();
    const at = this.pos;
    if (c === 92 /* \ */) {
      const n = src.charCodeAt(at + 1);
      const continuation = this.continuationAt(at);
      if (continuation > 0) this.pos += continuation;
      else if (at + 1 >= src.length) {
        b.add('\\', at);
        this.pos++;
      } else if (inDoubleQuotes && n !== 36 && n !== 96 && n !== 34 && n !== 92) {
        b.add(src.slice(at, at + 2), at); // in "...", a backslash escapes only $ ` " \ and newline
        this.pos += 2;
      } else {
        b.add(src[at + 1]!, at + 1);
        this.pos += 2;
      }
    } else if (c === 39 /* ' */ && !inDoubleQuotes) {
      this.parseSingleQuoted(b);
    } else if (c === 34 /* " */ && !inDoubleQuotes) {
      this.pos++;
      this.parseDoubleQuoted(ctx, b, at);
    } else if (c === 96 /* ` */) {
      this.parseBackticks(ctx);
      b.isStatic = false;
    } else if (c === 36 /* $ */) {
      this.parseDollar(ctx, b, inDoubleQuotes);
    } else {
      b.add(src[at]!, at);
      this.pos++;
    }
  }

  /** '...': literal up to the next quote, except for Dockerfile line continuations. */
  private parseSingleQuoted(b: ValueBuilder): void {
    const src = this.src;
    const open = this.pos;
    let i = open + 1;
    for (;;) {
      const close = src.indexOf("'", i);
      const end = close < 0 ? src.length : close;
      const backslash = src.indexOf('\\', i);
      if (backslash >= 0 && backslash < end) {
        b.add(src.slice(i, backslash), i);
        const continuation = this.continuationAt(backslash);
        if (continuation === 0) b.add('\\', backslash);
        i = backslash + Math.max(1, continuation);
        continue;
      }
      b.add(src.slice(i, end), i);
      if (close < 0) this.error('unterminated single quote', open, src.length);
      this.pos = close < 0 ? src.length : close + 1;
      return;
    }
  }

  private parseDoubleQuoted(ctx: Context, b: ValueBuilder, openedAt: number): void {
    const src = this.src;
    while (this.pos < src.length) {
      const runStart = this.pos;
      let c = this.code();
      while (c !== 34 && c !== 92 && c !== 36 && c !== 96 && this.pos < src.length) c = src.charCodeAt(++this.pos);
      if (this.pos > runStart) b.add(src.slice(runStart, this.pos), runStart);
      if (this.pos >= src.length) break;
      if (c === 34) {
        this.pos++;
        return;
      }
      this.parseWordPart(ctx, b, true);
    }
    this.error('unterminated double quote', openedAt, src.length);
  }

  private parseDollar(ctx: Context, b: ValueBuilder, inDoubleQuotes: boolean): void {
    const src = this.src;
    const at = this.pos;
    const n = src.charCodeAt(at + 1);
    if (n === 40 /* ( */) {
      if (src.charCodeAt(at + 2) === 40) this.skipArithmetic(at + 3);
      else this.parseCommandSubstitution(ctx, at + 2);
      b.isStatic = false;
    } else if (n === 123 /* { */) {
      this.skipParameterExpansion(ctx);
      b.isStatic = false;
    } else if (n === 39 /* ' */ && !inDoubleQuotes && this.dialect === 'bash') {
      this.parseAnsiCString(b);
    } else if (n === 34 /* " */ && !inDoubleQuotes) {
      this.pos += 2; // $"..." (locale translation) reads as "..."
      this.parseDoubleQuoted(ctx, b, at);
    } else if ((n >= 48 && n <= 57) || '@*#?$!-'.includes(src[at + 1] ?? ' ')) {
      this.pos += 2; // $1, $@, $?, ...
      b.isStatic = false;
    } else if (n === 95 || (n >= 65 && n <= 90) || (n >= 97 && n <= 122)) {
      let i = at + 2;
      for (let c = src.charCodeAt(i); c === 95 || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122); ) c = src.charCodeAt(++i);
      this.pos = i;
      b.isStatic = false;
    } else {
      b.add('$', at); // a lone `$` is literal
      this.pos++;
    }
  }

  private parseAnsiCString(b: ValueBuilder): void {
    const src = this.src;
    const open = this.pos;
    this.pos += 2;
    while (this.pos < src.length) {
      const c = this.code();
      if (c === 39) {
        this.pos++;
        return;
      }
      if (c === 92 && this.pos + 1 < src.length) {
        const escaped = ANSI_C_ESCAPES[src[this.pos + 1]!];
        b.add(escaped ?? src.slice(this.pos, this.pos + 2), this.pos);
        this.pos += 2;
      } else {
        b.add(src[this.pos]!, this.pos);
        this.pos++;
      }
    }
    this.error("unterminated $'...' string", open, src.length);
  }

  /** `$(...)`, `<(...)`, `>(...)`: `from` is just after the opening parenthesis. */
  private parseCommandSubstitution(ctx: Context, from: number): void {
    const open = this.pos;
    this.pos = from;
    this.parseList(subshellContext(ctx), STOP_PAREN);
    if (this.code() === 41) this.pos++;
    else this.error("unterminated '$('", open, this.pos);
  }

  private skipParameterExpansion(ctx: Context): void {
    const src = this.src;
    const open = this.pos;
    this.pos += 2;
    let depth = 1;
    const scratch = new ValueBuilder();
    while (this.pos < src.length) {
      const c = this.code();
      if (c === 125 /* } */) {
        this.pos++;
        if (--depth === 0) return;
      } else if (c === 123) {
        depth++;
        this.pos++;
      } else if (isClass(c, SPECIAL)) {
        if (this.depth >= MAX_NESTING) break;
        this.depth++;
        this.parseWordPart(ctx, scratch, false);
        this.depth--;
      } else this.pos++;
    }
    this.error("unterminated '${'", open, src.length);
    this.pos = src.length;
  }

  /** `name=(a b c)`: the words of a bash array, kept as part of the assignment word. */
  private skipArrayValue(ctx: Context): void {
    const open = this.pos;
    this.pos++;
    for (;;) {
      this.skipLinebreaks();
      if (this.pos >= this.src.length) {
        this.error("unterminated array '('", open, this.pos);
        return;
      }
      if (this.code() === 41) {
        this.pos++;
        return;
      }
      if (isClass(this.code(), META)) {
        this.error(`unexpected '${this.src[this.pos]}' in an array`, this.pos, this.pos + 1);
        this.pos++;
      } else this.parseWord(ctx, false);
    }
  }

  /** Backticks: the content, with its `\` `\$` `\\` escapes removed, is parsed as a nested script. */
  private parseBackticks(ctx: Context): void {
    const src = this.src;
    const open = this.pos;
    let text = '';
    const map: number[] = [];
    let i = open + 1;
    for (; i < src.length; i++) {
      const c = src.charCodeAt(i);
      if (c === 96) break;
      if (c === 92 && i + 1 < src.length) {
        const n = src[i + 1]!;
        if (n === '`' || n === '$' || n === '\\') {
          text += n;
          map.push(i + 1);
          i++;
          continue;
        }
      }
      text += src[i];
      map.push(i);
    }
    if (i >= src.length) this.error('unterminated backtick', open, src.length);
    this.pos = Math.min(i + 1, src.length);
    this.parseNested(text, map, open + 1, this.dialect, subshellContext(ctx));
  }

  // ---- nested scripts ------------------------------------------------------------------

  /**
   * Parses `text` as its own script and adds its commands with offsets mapped into this
   * source: `map[i]` is the source offset of `text[i]`, `base` the offset of an empty text.
   */
  private parseNested(text: string, map: readonly number[], base: number, dialect: ShellDialect, ctx: Context): void {
    if (this.depth >= MAX_NESTING) {
      this.error('nesting too deep', base, base);
      return;
    }
    const inner = new ShellParser(text, dialect, this.depth + 1);
    inner.run(ctx);
    const startAt = (i: number): number => (i < map.length ? map[i]! : map.length > 0 ? map[map.length - 1]! + 1 : base);
    const endAt = (i: number): number => (i > 0 ? map[Math.min(i, map.length) - 1]! + 1 : startAt(0));
    const mapWord = (w: ShellWord): void => {
      w.start = startAt(w.start);
      w.end = Math.max(w.start, endAt(w.end));
    };
    for (const cmd of inner.commands) {
      cmd.start = startAt(cmd.start);
      cmd.end = Math.max(cmd.start, endAt(cmd.end));
      if (cmd.name) mapWord(cmd.name);
      cmd.args.forEach(mapWord);
      for (const a of cmd.assignments) {
        a.start = startAt(a.start);
        a.end = Math.max(a.start, endAt(a.end));
        mapWord(a.value);
      }
      for (const r of cmd.redirects) {
        r.start = startAt(r.start);
        r.end = Math.max(r.start, endAt(r.end));
        if (r.target) mapWord(r.target);
        if (r.body) mapWord(r.body);
      }
      this.commands.push(cmd);
    }
    for (const e of inner.errors) {
      const start = startAt(e.start);
      this.errors.push({ message: e.message, start, end: Math.max(start, endAt(e.end)) });
    }
    if (inner.hasPipes) this.hasPipes = true;
  }

  /**
   * Scripts run by a child shell are parsed too: the static argument of `sh -c '...'`,
   * `bash -c "..."`, `su -c '...'`, and a heredoc fed to a shell (`bash <<'EOF'`).
   */
  private parseShellCStrings(): void {
    const count = this.commands.length;
    for (let k = 0; k < count; k++) {
      const cmd = this.commands[k]!;
      if (!mayRunChildShell(cmd)) continue;
      const ctx = { inSubshell: true, inCondition: cmd.inCondition };
      const stdin = shellStdinScript(cmd);
      if (stdin) {
        const body = stdin.script;
        const map = Array.from({ length: body.text.length }, (_, i) => body.start + i);
        this.parseNested(body.text, map, body.start, stdin.dialect, ctx);
        continue;
      }
      const found = shellCScript(cmd);
      if (!found || found.script.value === undefined) continue;
      const offsets: number[] = [];
      const relex = new ShellParser(this.src, this.dialect, MAX_NESTING);
      relex.pos = found.script.start;
      relex.parseWord({ inSubshell: true, inCondition: false }, false, offsets);
      this.parseNested(found.script.value, offsets, found.script.start, found.dialect, ctx);
    }
  }
}

/** Parses a RUN script into its commands. Never throws; syntax problems land in `errors`. */
export function parseShell(script: string, options?: ShellParseOptions): ShellScript {
  const parser = new ShellParser(script, options?.dialect ?? 'sh', 0);
  try {
    parser.run({ inSubshell: false, inCondition: false });
  } catch (e) {
    // the parser guards its own recursion; this keeps a bug from taking down the lint run
    parser.errors.push({ message: `internal parser error: ${(e as Error).message}`, start: 0, end: script.length });
  }
  // nested scripts add their commands after the outer ones; most scripts have none out of order
  const commands = inStartOrder(parser.commands) ? parser.commands : parser.commands.sort((a, b) => a.start - b.start);
  return { source: script, commands, pipelines: parser.pipelines, hasPipes: parser.hasPipes, errors: parser.errors };
}

function inStartOrder(commands: readonly ShellCommand[]): boolean {
  for (let k = 1; k < commands.length; k++) if (commands[k]!.start < commands[k - 1]!.start) return false;
  return true;
}
