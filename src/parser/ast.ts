/**
 * The typed syntax tree. Every node carries exact source offsets (0-based, end
 * exclusive, into the text as read, BOM included); line/column come from
 * `Dockerfile.lines`. The tree is lossless: its tokens (`Dockerfile.tokens`, one run per
 * node of `Dockerfile.nodes`: `nodeTokens`), in order, spell the input byte for byte (see print.ts).
 */
import type { LineIndex } from './source.ts';
import type { LogicalLine } from './logical-line.ts';
import type { TokenStore } from './tokens.ts';

export type EscapeChar = '\\' | '`';

export type TokenKind =
  | 'bom'
  | 'directive'
  | 'comment'
  | 'whitespace'
  | 'newline'
  | 'text'
  | 'continuation'
  | 'continuation-comment'
  | 'empty-continuation-line'
  | 'heredoc-body'
  | 'heredoc-terminator';

export interface SyntaxToken {
  kind: TokenKind;
  image: string;
  start: number;
  end: number;
}

export interface Span {
  start: number;
  end: number;
}

/** A word of an instruction's arguments: `raw` as written (quotes kept), `value` as BuildKit reads it. */
export interface Word extends Span {
  raw: string;
  value: string;
}

export type InstructionKeyword =
  | 'FROM' | 'RUN' | 'CMD' | 'LABEL' | 'MAINTAINER' | 'EXPOSE' | 'ENV' | 'ADD' | 'COPY'
  | 'ENTRYPOINT' | 'VOLUME' | 'USER' | 'WORKDIR' | 'ARG' | 'ONBUILD' | 'STOPSIGNAL'
  | 'HEALTHCHECK' | 'SHELL';

export const INSTRUCTION_KEYWORDS: ReadonlySet<string> = new Set<InstructionKeyword>([
  'FROM', 'RUN', 'CMD', 'LABEL', 'MAINTAINER', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT',
  'VOLUME', 'USER', 'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL',
]);

/** `--name=value` before the arguments. `value` is undefined for a bare `--name`. */
export interface Flag extends Span {
  raw: string;
  name: string;
  nameSpan: Span;
  value?: string;
  valueSpan?: Span;
  /** key=value options inside the value, e.g. `--mount=type=cache,target=/root/.cache` */
  options: FlagOption[];
}

export interface FlagOption extends Span {
  key: string;
  value?: string;
}

/** Exec form (`["a", "b"]`, a JSON array of strings) or shell form (the rest of the line). */
export type CommandForm =
  | { kind: 'exec'; elements: Word[]; span: Span }
  | { kind: 'shell'; text: string; span: Span };

export interface Heredoc {
  /** the delimiter word after `<<`, unquoted */
  name: string;
  /** `<<-`: leading tabs are stripped from the body and the terminator */
  chomp: boolean;
  /** false when any part of the delimiter is quoted: no variable expansion in the body */
  expand: boolean;
  fileDescriptor?: number;
  /** the `<<EOF` marker on the instruction line */
  marker: Span;
  /** body lines (terminator excluded), as written */
  content: string;
  contentSpan: Span;
  /** the terminator line; undefined when the heredoc is unterminated */
  terminator?: Span;
}

export interface KeyValue extends Span {
  key: Word;
  /** undefined for `ARG name` with no default */
  value?: Word;
  /** '=' for `key=value`, '' for the legacy `ENV key value` form */
  separator: '=' | '';
}

interface InstructionBase extends Span {
  type: 'instruction';
  /** upper-cased keyword (as BuildKit matches it case-insensitively) */
  keyword: string;
  /** the keyword as written */
  keywordWord: Word;
  flags: Flag[];
  /** the whole instruction line(s) joined as BuildKit joins continuations */
  logical: LogicalLine;
  /** the arguments after the flags, left/right trimmed, as BuildKit passes them on */
  rest: string;
  restSpan: Span;
  /** where `rest` starts in `logical.text` */
  restStart: number;
  heredocs: Heredoc[];
  /** comment lines inside the instruction's continuations */
  comments: SyntaxToken[];
  /** end offset including the line terminator and heredoc bodies */
  fullEnd: number;
  /** the instruction this one is the trigger of, for `ONBUILD <instruction>` */
  parent?: Instruction;
}

export interface FromInstruction extends InstructionBase {
  keyword: 'FROM';
  image?: Word;
  /** `AS` keyword and stage name */
  asKeyword?: Word;
  stageName?: Word;
  /** the whitespace-split words, as BuildKit dumps them */
  words: Word[];
}

export interface CommandInstruction extends InstructionBase {
  keyword: 'RUN' | 'CMD' | 'ENTRYPOINT' | 'SHELL';
  command?: CommandForm;
}

export interface HealthcheckInstruction extends InstructionBase {
  keyword: 'HEALTHCHECK';
  /** `CMD` or `NONE` (or anything else written there) */
  kind?: Word;
  command?: CommandForm;
}

export interface CopyInstruction extends InstructionBase {
  keyword: 'COPY' | 'ADD';
  /** exec (JSON) form or whitespace-split paths */
  form: 'exec' | 'shell';
  paths: Word[];
  sources: Word[];
  destination?: Word;
}

export interface VolumeInstruction extends InstructionBase {
  keyword: 'VOLUME';
  form: 'exec' | 'shell';
  paths: Word[];
}

export interface KeyValueInstruction extends InstructionBase {
  keyword: 'ENV' | 'LABEL' | 'ARG';
  pairs: KeyValue[];
}

export interface ExposeInstruction extends InstructionBase {
  keyword: 'EXPOSE';
  ports: Word[];
}

export interface StringInstruction extends InstructionBase {
  keyword: 'USER' | 'WORKDIR' | 'MAINTAINER' | 'STOPSIGNAL';
  argument?: Word;
}

export interface OnbuildInstruction extends InstructionBase {
  keyword: 'ONBUILD';
  trigger?: Instruction;
}

export interface UnknownInstruction extends InstructionBase {
  keyword: string;
}

export type Instruction =
  | FromInstruction
  | CommandInstruction
  | HealthcheckInstruction
  | CopyInstruction
  | VolumeInstruction
  | KeyValueInstruction
  | ExposeInstruction
  | StringInstruction
  | OnbuildInstruction
  | UnknownInstruction;

export interface Directive extends Span {
  type: 'directive';
  /** lower-cased: syntax, escape or check */
  name: string;
  value: string;
  valueSpan: Span;
}

/** A comment line, a blank line, or the BOM: kept for printing and for inline pragmas. */
export interface TriviaLine extends Span {
  type: 'comment' | 'blank' | 'bom';
  /** comment text after `#`, trimmed */
  text: string;
}

export type TopLevelNode = Directive | TriviaLine | Instruction;

/**
 * `parser`: BuildKit's parser rejects the file (its `docker build` fails before any
 * instruction runs). `instruction`: the parser accepts it but the instruction is
 * invalid (unknown instruction, missing arguments).
 */
export interface ParseError extends Span {
  level: 'parser' | 'instruction';
  message: string;
}

export interface Dockerfile {
  source: string;
  lines: LineIndex;
  escape: EscapeChar;
  hasBom: boolean;
  directives: Directive[];
  instructions: Instruction[];
  nodes: TopLevelNode[];
  /** every token, packed; `nodeTokens(df, node)` gives a node's as objects */
  tokens: TokenStore;
  errors: ParseError[];
  /** BuildKit's warnings (empty continuation lines) */
  warnings: ParseError[];
}
