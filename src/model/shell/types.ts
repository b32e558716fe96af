/** Offsets are 0-based UTF-16 indices into the script given to `parseShell`; ends are exclusive. */
export interface ShellWord {
  /** raw as written (for words of a nested `sh -c` string: as written inside that string) */
  text: string;
  /** static value with quotes and escapes removed; undefined when it contains expansions or substitutions */
  value?: string;
  start: number;
  end: number;
}

export interface ShellAssignment {
  name: string;
  value: ShellWord;
  start: number;
  end: number;
}

export interface ShellRedirect {
  /** operator without the fd number: `>`, `>>`, `<`, `<<`, `<<-`, `<<<`, `>&`, `<&`, `&>`, `&>>`, `<>`, `>|` */
  op: string;
  target?: ShellWord;
  /** heredoc body (`<<EOF` ... `EOF`): the lines between, delimiter lines excluded */
  body?: ShellWord;
  start: number;
  end: number;
}

export interface ShellCommand {
  /** argv[0]; undefined for a bare assignment or redirect */
  name?: ShellWord;
  /**
   * the program as rules compare it (`programName(name)`): basename, `pip3.11` -> `pip`,
   * `python3` -> `python`; undefined when the name depends on expansions. Set by the parser.
   */
  program: string | undefined;
  /** argv[1..] */
  args: ShellWord[];
  /** `FOO=bar cmd` */
  assignments: ShellAssignment[];
  redirects: ShellRedirect[];
  start: number;
  end: number;
  /**
   * operator that joins this command to the previous one in its list:
   * '&&' | '||' | ';' | '&' | '|' | '|&' | '\n'; undefined for the first command of a list
   * (script, subshell, `$(...)`, compound body, ...)
   */
  joinedBy?: string;
  /** part of a pipeline of two or more commands */
  inPipeline: boolean;
  /**
   * in a pipeline element other than the last (`curl x | tar -x`: curl): its output goes into a
   * pipe, and its exit status is lost unless `pipefail` is set
   */
  beforePipe: boolean;
  /** runs in a child shell: `( )`, `$( )`, backticks, `<( )`, `sh -c '...'`; its state changes do not persist */
  inSubshell: boolean;
  /**
   * its exit status is tested or its running is conditional on a failure: the test list of
   * `if`/`elif`/`while`/`until`, either side of `||` (`a || b`: a may fail, b runs only then),
   * or negated with `!`. Commands nested inside such a command inherit it.
   */
  inCondition: boolean;
}

export interface ShellError {
  message: string;
  start: number;
  end: number;
}

/**
 * A pipeline of the script's top-level list: one simple or compound command (`if ... fi`,
 * `( ... )`, `{ ...; }`), or several joined by `|`. Its range is the text a fix may cut or
 * join at, whole.
 */
export interface ShellPipeline {
  start: number;
  end: number;
  /** operator before it: '&&' | '||' | ';' | '&' | '\n'; undefined for the first */
  joinedBy?: string;
}

export interface ShellScript {
  source: string;
  /** every command, nested ones included, ordered by start offset */
  commands: ShellCommand[];
  /** the pipelines of the top-level list, in order (nested lists are inside their ranges) */
  pipelines: ShellPipeline[];
  /** at least one `|` or `|&` pipeline anywhere (nested ones included) */
  hasPipes: boolean;
  errors: ShellError[];
}

export type ShellDialect = 'sh' | 'bash';

export interface ShellParseOptions {
  /** `sh` turns off bash-only lexing (`$'...'`); bash constructs are otherwise accepted in both */
  dialect?: ShellDialect;
}
