/**
 * Vocabulary over parsed commands: which program really runs (wrappers stripped), its flags,
 * its positional arguments and its subcommand. Rules use these instead of reading argv.
 */
import type { ShellCommand, ShellDialect, ShellWord } from './types.ts';

interface Wrapper {
  /** option names (without dashes) that take the next word as their value */
  flagsWithValue: readonly string[];
  /** positional words between the options and the wrapped command (`gosu USER cmd`) */
  positionals?: number;
  /** `env`: `NAME=value` words come before the command */
  assignments?: boolean;
  /** options that mean the wrapper does not run the command (`command -v apt-get`) */
  notRunning?: readonly string[];
}

/**
 * Programs that run another program given as their arguments. `python -m pip` is handled
 * separately (the module becomes the program).
 */
const WRAPPERS: ReadonlyMap<string, Wrapper> = new Map<string, Wrapper>([
  ['sudo', { flagsWithValue: ['u', 'user', 'g', 'group', 'h', 'host', 'p', 'prompt', 'C', 'close-from', 'D', 'chdir', 'r', 'role', 't', 'type', 'U', 'other-user', 'T', 'command-timeout'] }],
  ['doas', { flagsWithValue: ['u', 'C'] }],
  ['env', { flagsWithValue: ['u', 'unset', 'C', 'chdir', 'S', 'split-string'], assignments: true }],
  ['command', { flagsWithValue: [], notRunning: ['v', 'V'] }],
  ['exec', { flagsWithValue: ['a'] }],
  ['nohup', { flagsWithValue: [] }],
  ['nice', { flagsWithValue: ['n', 'adjustment'] }],
  ['ionice', { flagsWithValue: ['c', 'class', 'n', 'classdata', 'p', 'pid'] }],
  ['timeout', { flagsWithValue: ['s', 'signal', 'k', 'kill-after'], positionals: 1 }],
  ['time', { flagsWithValue: ['f', 'format', 'o', 'output'] }],
  ['xargs', { flagsWithValue: ['a', 'arg-file', 'd', 'delimiter', 'E', 'I', 'L', 'n', 'max-args', 'P', 'max-procs', 's', 'max-chars'] }],
  ['gosu', { flagsWithValue: [], positionals: 1 }],
  ['su-exec', { flagsWithValue: [], positionals: 1 }],
  ['chroot', { flagsWithValue: ['userspec', 'groups'], positionals: 1 }],
  ['stdbuf', { flagsWithValue: ['i', 'input', 'o', 'output', 'e', 'error'] }],
  ['eatmydata', { flagsWithValue: [] }],
  ['fakeroot', { flagsWithValue: ['l', 'lib', 'faked', 's', 'i'] }],
  ['busybox', { flagsWithValue: [] }],
  ['tini', { flagsWithValue: ['p', 'e'] }],
  ['dumb-init', { flagsWithValue: ['r', 'rewrite'] }],
]);

/** Options (without dashes) that take a value and may come before a program's subcommand. */
export const GLOBAL_FLAGS_WITH_VALUE: Readonly<Record<string, readonly string[]>> = {
  'apt-get': ['o', 'option', 'c', 'config-file', 't', 'target-release', 'default-release'],
  apt: ['o', 'option', 'c', 'config-file', 't', 'target-release', 'default-release'],
  aptitude: ['o', 't', 'target-release'],
  yum: ['c', 'config', 'd', 'debuglevel', 'e', 'errorlevel', 'R', 'randomwait', 'x', 'exclude', 'installroot', 'releasever', 'setopt', 'enablerepo', 'disablerepo'],
  dnf: ['c', 'config', 'd', 'debuglevel', 'e', 'errorlevel', 'R', 'randomwait', 'x', 'exclude', 'installroot', 'releasever', 'setopt', 'enablerepo', 'disablerepo', 'repo', 'repoid'],
  microdnf: ['config', 'installroot', 'releasever', 'setopt', 'enablerepo', 'disablerepo'],
  zypper: ['R', 'root', 'D', 'reposd-dir', 'C', 'cache-dir', 'c', 'config'],
  apk: ['X', 'repository', 'p', 'root', 'keys-dir', 'arch', 'cache-dir', 'repositories-file'],
  pip: ['log', 'proxy', 'retries', 'timeout', 'exists-action', 'trusted-host', 'cert', 'client-cert', 'cache-dir', 'python'],
  npm: ['prefix', 'C', 'userconfig', 'cache', 'registry', 'w', 'workspace', 'loglevel'],
  yarn: ['cwd', 'cache-folder', 'modules-folder', 'registry', 'network-timeout', 'mutex', 'global-folder'],
  pnpm: ['C', 'dir', 'filter', 'F', 'store-dir'],
  go: ['C'],
  cargo: ['Z', 'config', 'color'],
  composer: ['d', 'working-dir'],
  poetry: ['C', 'directory', 'P', 'project'],
  conda: [],
  git: ['C', 'c', 'git-dir', 'work-tree'],
};

const SHELLS: ReadonlyMap<string, ShellDialect> = new Map<string, ShellDialect>([
  ['sh', 'sh'], ['dash', 'sh'], ['ash', 'sh'], ['bash', 'bash'], ['zsh', 'bash'], ['ksh', 'bash'], ['mksh', 'bash'],
]);
const MAX_UNWRAP = 8;
const PYTHON = /^python[0-9.]*$/;
const PIP = /^pip[0-9.]*$/;
/** the letters of a short-option group: `-qy` of `-qy`, `-o` of `-oDpkg::x=1` is `-oDpkg` (letters only) */
const SHORT_GROUP = /^-[A-Za-z0-9]+/;

/** The static value of a word, or undefined when it depends on expansions. */
const valueOf = (w: ShellWord | undefined): string | undefined => w?.value;

/**
 * Program name as rules compare it: basename, with `pip3.11` -> `pip` and `python3` -> `python`.
 * Computed on each call: cheaper than a cache lookup. (`indexOf` first: V8's `lastIndexOf`
 * is a slow runtime call, and most names have no `/`.)
 */
export function programName(word: ShellWord | undefined): string | undefined {
  const value = valueOf(word);
  if (value === undefined) return undefined;
  const base = value.indexOf('/') < 0 ? value : value.slice(value.lastIndexOf('/') + 1);
  if (base.charCodeAt(0) !== 112 /* p */) return base;
  if (PIP.test(base)) return 'pip';
  if (PYTHON.test(base)) return 'python';
  return base;
}

/** what `unwrap` found for commands that run a wrapper (rules ask about the same commands many times) */
const unwrapped = new WeakMap<ShellCommand, ShellCommand>();

/** Whether `unwrap` may strip something from a command named `name`. */
function mayWrap(name: string | undefined): boolean {
  return name !== undefined && (name === 'python' || WRAPPERS.has(name));
}

/** Index just after the options of `args` starting at `from` (stops at `--`, consumed). */
function skipOptions(args: readonly ShellWord[], from: number, flagsWithValue: readonly string[]): number {
  let i = from;
  while (i < args.length) {
    const a = args[i]!.value ?? args[i]!.text;
    if (a === '--') return i + 1;
    if (a.length < 2 || a[0] !== '-') return i;
    i += 1 + (optionTakesNextWord(a, flagsWithValue, false) ? 1 : 0);
  }
  return i;
}

/** Whether option word `a` (`-x`, `-abx`, `--long`) takes the following word as its value. */
function optionTakesNextWord(a: string, flagsWithValue: readonly string[], singleDashLong: boolean): boolean {
  if (a.startsWith('--')) return !a.includes('=') && flagsWithValue.includes(a.slice(2));
  if (singleDashLong) return !a.includes('=') && flagsWithValue.includes(a.slice(1));
  // short group: the first letter that takes a value swallows the rest, or the next word if last
  for (let k = 1; k < a.length; k++) {
    if (flagsWithValue.includes(a[k]!)) return k === a.length - 1;
  }
  return false;
}

/** forget what was derived from `cmd` (its positions were rewritten after parsing) */
export function forgetUnwrapped(cmd: ShellCommand): void {
  if (mayWrap(cmd.program)) unwrapped.delete(cmd);
}

/**
 * The command that really runs: strips `sudo`, `doas`, `env [-i] [X=1]`, `command` (not with
 * -v/-V), `exec`, `nohup`, `nice`, `ionice`, `timeout D`, `time`, `xargs`, `gosu USER`,
 * `su-exec USER`, `chroot DIR`, `stdbuf`, `eatmydata`, `fakeroot`, `busybox`, `tini`, `dumb-init`
 * (repeatedly), and turns `python -m mod` into `mod`. The result shares positions with `cmd`;
 * `env` assignments are added to its assignments.
 */
export function unwrap(cmd: ShellCommand): ShellCommand {
  // most commands run no wrapper: they are their own answer, with no cache entry
  if (!mayWrap(cmd.program)) return cmd;
  let result = unwrapped.get(cmd);
  if (!result) {
    result = unwrapUncached(cmd);
    unwrapped.set(cmd, result);
  }
  return result;
}

function unwrapUncached(cmd: ShellCommand): ShellCommand {
  let current = cmd;
  for (let n = 0; n < MAX_UNWRAP; n++) {
    const next = unwrapOnce(current);
    if (!next) break;
    current = next;
  }
  return current;
}

function unwrapOnce(cmd: ShellCommand): ShellCommand | undefined {
  const name = cmd.program;
  if (name === undefined) return undefined;
  const args = cmd.args;
  let i: number;
  let assignments = cmd.assignments;
  if (name === 'python') {
    i = 0;
    while (i < args.length) {
      const a = args[i]!.value ?? '';
      if (a === '-m' || (a.startsWith('-') && !a.startsWith('--') && a.endsWith('m') && /^-[A-Za-z]+$/.test(a))) {
        i++;
        break;
      }
      if (!a.startsWith('-') || a === '-c' || a === '-') return undefined; // a script or -c code
      i += a === '-W' || a === '-X' ? 2 : 1;
    }
    if (i === 0 || i >= args.length) return undefined;
  } else {
    const wrapper = WRAPPERS.get(name);
    if (!wrapper) return undefined;
    i = 0;
    while (i < args.length) {
      const a = args[i]!.value ?? args[i]!.text;
      if (a === '--') {
        i++;
        break;
      }
      if (a.length < 2 || a[0] !== '-') break;
      if (wrapper.notRunning?.some((f) => hasOption(a, f))) return undefined;
      i += 1 + (optionTakesNextWord(a, wrapper.flagsWithValue, false) ? 1 : 0);
    }
    if (wrapper.assignments) {
      assignments = [...assignments];
      for (; i < args.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(args[i]!.text); i++) {
        const w = args[i]!;
        const eq = w.text.indexOf('=') + 1;
        const staticValue = w.value === undefined ? undefined : w.value.slice(w.value.indexOf('=') + 1);
        const value: ShellWord = { text: w.text.slice(eq), value: staticValue, start: w.start + eq, end: w.end };
        assignments.push({ name: w.text.slice(0, eq - 1), value, start: w.start, end: w.end });
      }
    }
    i += wrapper.positionals ?? 0;
  }
  const inner = args[i];
  if (!inner) return undefined;
  // the parser's field order (newCommand): one object shape for every command, wrapped or not
  return {
    name: inner, program: programName(inner), args: args.slice(i + 1), assignments, redirects: cmd.redirects,
    start: cmd.start, end: cmd.end, joinedBy: cmd.joinedBy,
    inPipeline: cmd.inPipeline, beforePipe: cmd.beforePipe, inSubshell: cmd.inSubshell, inCondition: cmd.inCondition,
  };
}

/** Whether option word `a` sets flag `name` (no dashes): `-y`, `-qy`, `--yes`, `--opt=value`. */
function hasOption(a: string, name: string): boolean {
  if (name.length === 1) return a[1] !== '-' && (SHORT_GROUP.exec(a)?.[0].includes(name, 1) ?? false);
  return a === `--${name}` || a.startsWith(`--${name}=`);
}

/** Effective program name of `cmd` (after `unwrap`), e.g. `apt-get`, `pip`. */
export function commandName(cmd: ShellCommand): string | undefined {
  return unwrap(cmd).program;
}

/**
 * Whether the (unwrapped) command sets any of the flags; names have no dashes: one letter means
 * `-x` (also inside `-qx`), longer means `--name` or `--name=value`. Words after `--` are not flags.
 */
export function hasFlag(cmd: ShellCommand, ...names: string[]): boolean {
  for (const w of unwrap(cmd).args) {
    const a = w.value ?? w.text;
    if (a === '--') return false;
    if (a.length >= 2 && a[0] === '-' && names.some((n) => hasOption(a, n))) return true;
  }
  return false;
}

/** Values given to an option that takes one: `-o v`, `-ov`, `--opt v`, `--opt=v` (static values only). */
export function flagValues(cmd: ShellCommand, ...names: string[]): string[] {
  const args = unwrap(cmd).args;
  const values: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!.value;
    if (a === undefined) continue;
    if (a === '--') break;
    for (const n of names) {
      const next = args[i + 1]?.value;
      if (n.length === 1 ? a === `-${n}` : a === `--${n}`) {
        if (next !== undefined) values.push(next);
      } else if (n.length > 1 && a.startsWith(`--${n}=`)) values.push(a.slice(n.length + 3));
      else if (n.length === 1 && a.length > 2 && a[0] === '-' && a[1] === n) values.push(a.slice(2).replace(/^=/, ''));
    }
  }
  return values;
}

export interface PositionalOptions {
  /** option names without dashes (`o`, `target-release`) whose value is the following word */
  flagsWithValue?: readonly string[];
  /** Go-style `-ldflags`: one dash for long names too, and no grouping of short flags */
  singleDashLong?: boolean;
}

/** The (unwrapped) command's arguments that are neither options nor option values. */
export function positionalArgs(cmd: ShellCommand, options: PositionalOptions = {}): ShellWord[] {
  return positionalsOf(unwrap(cmd).args, options);
}

function positionalsOf(args: readonly ShellWord[], options: PositionalOptions): ShellWord[] {
  const flagsWithValue = options.flagsWithValue ?? [];
  const result: ShellWord[] = [];
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!;
    const a = w.value ?? w.text;
    if (a === '--') {
      result.push(...args.slice(i + 1));
      break;
    }
    if (a.length < 2 || a[0] !== '-') result.push(w);
    else if (optionTakesNextWord(a, flagsWithValue, options.singleDashLong ?? false)) i++;
  }
  return result;
}

/**
 * Whether the (unwrapped) command is `program` followed by the given subcommand words, e.g.
 * `isCommand(cmd, 'apt-get', 'install')` for `sudo apt-get -q install x`,
 * `isCommand(cmd, 'yum', 'clean', 'all')`. Options before the subcommand are skipped using
 * GLOBAL_FLAGS_WITH_VALUE. The program name is compared as `programName` gives it.
 */
export function isCommand(cmd: ShellCommand, program: string, subcommand?: string, subcommand2?: string): boolean {
  // two optional words rather than a rest parameter: rules ask this of every command, and a
  // rest array per call was one of the largest allocations of a lint
  const real = unwrap(cmd);
  if (real.program !== program) return false;
  if (subcommand === undefined) return true;
  const words = subcommandWords(real, program, subcommand2 === undefined ? 1 : 2);
  return words[0]?.value === subcommand && (subcommand2 === undefined || words[1]?.value === subcommand2);
}

/** The first `count` positional words of `cmd` (unwrapped), global options skipped. */
export function subcommandWords(cmd: ShellCommand, program: string, count: number): ShellWord[] {
  const args = unwrap(cmd).args;
  const flags = GLOBAL_FLAGS_WITH_VALUE[program] ?? [];
  const words: ShellWord[] = [];
  let i = 0;
  while (words.length < count && i < args.length) {
    i = skipOptions(args, i, flags);
    const w = args[i];
    if (!w) break;
    words.push(w);
    i++;
  }
  return words;
}

/** The arguments after the subcommand words (for per-subcommand option parsing). */
export function argsAfterSubcommand(cmd: ShellCommand, program: string, count: number): ShellWord[] {
  const real = unwrap(cmd);
  const words = subcommandWords(real, program, count);
  const last = words[words.length - 1];
  return last ? real.args.slice(real.args.indexOf(last) + 1) : real.args;
}

/** Positional arguments after a subcommand, e.g. the packages of `apt-get install -y a b`. */
export function subcommandPositionals(cmd: ShellCommand, program: string, count: number, options: PositionalOptions = {}): ShellWord[] {
  return positionalsOf(argsAfterSubcommand(cmd, program, count), options);
}

/** Whether the (unwrapped) command is a shell, `su` or `runuser`: only those run a child shell script. */
export function mayRunChildShell(cmd: ShellCommand): boolean {
  const name = commandName(cmd);
  return name !== undefined && (SHELLS.has(name) || name === 'su' || name === 'runuser');
}

/**
 * The script of `sh -c '...'` / `bash -ec "..."` / `su -c '...' user` (after `unwrap`), with the
 * dialect to parse it in; undefined when `cmd` does not run an inline script.
 */
export function shellCScript(cmd: ShellCommand): { script: ShellWord; dialect: ShellDialect } | undefined {
  const real = unwrap(cmd);
  const name = real.program;
  if (name === undefined) return undefined;
  const args = real.args;
  if (name === 'su' || name === 'runuser') {
    const i = args.findIndex((w) => w.value === '-c' || w.value === '--command');
    const script = i >= 0 ? args[i + 1] : undefined;
    return script ? { script, dialect: 'sh' } : undefined;
  }
  const dialect = SHELLS.get(name);
  if (!dialect) return undefined;
  const { hasC, operand } = shellOperands(args);
  return hasC && operand ? { script: operand, dialect } : undefined;
}

/** A shell's `-c` flag and its first operand (the `-c` script, or else a script file). */
function shellOperands(args: readonly ShellWord[]): { hasC: boolean; operand?: ShellWord } {
  let hasC = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!.value;
    if (a === undefined) return { hasC, operand: args[i]! };
    if (a === '--' || a === '-') continue;
    if (a[0] === '-' || a[0] === '+') {
      if (a.startsWith('--')) {
        if (a === '--rcfile' || a === '--init-file') i++;
      } else if (a.slice(1) === 'o' || a.slice(1) === 'O') i++;
      else if (a.includes('c', 1)) hasC = true;
      continue;
    }
    return { hasC, operand: args[i]! };
  }
  return { hasC };
}

/** A shell (after `unwrap`) with neither `-c` nor a script file: it runs what its stdin holds (`curl ... | sh`). */
export function readsScriptFromStdin(cmd: ShellCommand): boolean {
  const real = unwrap(cmd);
  if (real.program === undefined || !SHELLS.has(real.program)) return false;
  const { hasC, operand } = shellOperands(real.args);
  return !hasC && !operand;
}

/**
 * The heredoc body a shell reads its script from (`bash <<'EOF'` ... `EOF`, `sh -s <<EOF`):
 * a shell without `-c` and without a script file reads stdin. The body is returned as written;
 * for an unquoted delimiter the outer shell would expand it first, which does not change which
 * commands it contains.
 */
export function shellStdinScript(cmd: ShellCommand): { script: ShellWord; dialect: ShellDialect } | undefined {
  const real = unwrap(cmd);
  const dialect = real.program === undefined ? undefined : SHELLS.get(real.program);
  if (!dialect || !readsScriptFromStdin(real)) return undefined;
  const heredoc = real.redirects.find((r) => r.body && (r.op === '<<' || r.op === '<<-'));
  return heredoc?.body ? { script: heredoc.body, dialect } : undefined;
}
