/**
 * What a RUN executes, as parsed shell: the command line (shell or exec form), and
 * heredoc bodies that are scripts (`RUN <<EOF`, `RUN <<EOF bash`). Every offset of
 * the returned scripts is a source offset into the Dockerfile.
 */
import type { CommandInstruction, Flag, Heredoc, Instruction } from '../parser/ast.ts';
import {
  cacheRemovalsOf, changesShellStartup, commandName, forgetUnwrapped, inSourceOrder, packageCleanOf, packageInstallOf, packageUpdateOf, parseShell,
  programName, removedPathsOf, stateChangeOf,
  type PackageClean, type PackageInstall, type PackageUpdate, type RemovedPath, type ShellCommand, type ShellDialect,
  type ShellScript, type ShellStateChange,
} from './shell/index.ts';

export interface Mount {
  type: string;
  target?: string;
  source?: string;
  from?: string;
  id?: string;
  options: ReadonlyMap<string, string>;
  flag: Flag;
}

export interface RunInfo {
  ins: CommandInstruction;
  /** false under a non-POSIX SHELL (PowerShell, cmd): shell rules do not apply */
  posix: boolean;
  /** the scripts it runs: the command line, and heredoc bodies that are shell scripts */
  scripts: ShellScript[];
  /** every command of every script, in source order */
  commands: ShellCommand[];
  /** offsets map one-to-one onto the source, so fixes may edit the words (false for exec form) */
  editable: boolean;
  mounts: Mount[];
  /** heredocs fed to the command as data (`RUN python3 <<EOF`), not parsed as shell */
  dataHeredocs: Heredoc[];
  /** package installs, index updates and cache cleans, over all scripts */
  installs: PackageInstall[];
  updates: PackageUpdate[];
  cleans: PackageClean[];
  /** operands of `rm` */
  removed: RemovedPath[];
  /** `cd`, `export`, `set` ... : state a merged RUN would carry over */
  stateChanges: ShellStateChange[];
  /**
   * commands that change what a later RUN's shell reads when it starts (a profile, an rc file,
   * /etc/environment, or a script piped into a shell, which may write one): see shell/startup.ts
   */
  shellStartupChanges: ShellCommand[];
  /** each script's text and how its offsets map to the source (for external tools such as ShellCheck) */
  scriptSources: ScriptSource[];
}

export interface ScriptSource {
  script: ShellScript;
  /** the text given to the shell parser */
  text: string;
  /** `line`: the shell-form command line; `exec`: an argv joined for parsing (offsets approximate); `heredoc`: a script body */
  form: 'line' | 'exec' | 'heredoc';
  /** source offset of a script offset */
  toSource(offset: number): number;
}

const SHELL_PROGRAMS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh', 'busybox']);
const NON_POSIX = /(^|[\\/])(powershell|pwsh|cmd)(\.exe)?$/i;

export function isPosixShell(shell: readonly string[]): boolean {
  return !NON_POSIX.test(shell[0] ?? '');
}

export function mountsOf(ins: Instruction): Mount[] {
  return ins.flags.filter((f) => f.name === 'mount').map((flag) => {
    const options = new Map<string, string>();
    for (const o of flag.options) options.set(o.key.toLowerCase(), o.value ?? 'true');
    // every field present (undefined when not given): one object shape for every mount
    const mount: Mount = {
      type: options.get('type') ?? 'bind',
      target: options.get('target') ?? options.get('dst') ?? options.get('destination'),
      source: options.get('source') ?? options.get('src'),
      from: options.get('from'),
      id: options.get('id'),
      options,
      flag,
    };
    return mount;
  });
}

export function analyseRun(ins: CommandInstruction, shell: readonly string[]): RunInfo {
  const posix = isPosixShell(shell);
  const dialect = (shell[0] ?? '').endsWith('bash') ? 'bash' : 'sh';
  const info: RunInfo = {
    ins, posix, scripts: [], commands: [], mounts: mountsOf(ins), dataHeredocs: [], editable: ins.command?.kind !== 'exec',
    installs: [], updates: [], cleans: [], removed: [], stateChanges: [], shellStartupChanges: [], scriptSources: [],
  };
  const command = ins.command;
  if (posix && command?.kind === 'shell') {
    const script = parseShell(command.text, { dialect });
    const map = lineMap(ins, command.text.length);
    const toSource = (o: number) => mapOffset(map, o);
    mapOffsets(script, map);
    info.scripts.push(script);
    info.scriptSources.push({ script, text: command.text, form: 'line', toSource });
  } else if (posix && command?.kind === 'exec') {
    // argv: `sh -c "script"` runs a script; anything else is one command
    const argv = command.elements;
    const text = argv.map((w) => quoteForShell(w.value)).join(' ');
    const script = parseShell(text, { dialect });
    const starts: number[] = [];
    let pos = 0;
    for (const w of argv) {
      starts.push(pos);
      pos += quoteForShell(w.value).length + 1;
    }
    const toSource = (o: number) => {
      let i = starts.length - 1;
      while (i > 0 && starts[i]! > o) i--;
      const el = argv[i];
      return el ? Math.min(el.end, el.start + (o - starts[i]!)) : command.span.start;
    };
    // no runs: every offset goes through toSource
    mapOffsets(script, { length: 0, starts: [], shifts: [], run: 0, other: toSource });
    info.scripts.push(script);
    info.scriptSources.push({ script, text, form: 'exec', toSource });
  }
  // heredocs: a script when the command line is only the marker(s), or it starts a shell reading stdin
  if (ins.heredocs.length > 0) addHeredocs(info, posix, dialect);
  // a single script's array itself (read-only, like every list of the RunInfo)
  info.commands = info.scripts.length === 1 ? info.scripts[0]!.commands : info.scripts.flatMap((s) => s.commands);
  // one pass over the commands, each named once (what packageInstalls, packageUpdates,
  // packageCleans, removedPaths and shellStateChanges would find in five)
  for (const script of info.scripts) {
    const commandCleans: PackageClean[] = [];
    const cacheRemovals: PackageClean[] = [];
    for (const command of script.commands) {
      const change = stateChangeOf(command);
      if (change) info.stateChanges.push(change);
      if (changesShellStartup(command)) info.shellStartupChanges.push(command);
      const program = commandName(command);
      if (program === undefined) continue;
      if (program === 'rm') {
        cacheRemovals.push(...cacheRemovalsOf(command));
        info.removed.push(...removedPathsOf(command));
        continue;
      }
      const install = packageInstallOf(command, program);
      if (install) info.installs.push(install);
      const update = packageUpdateOf(command, program);
      if (update) info.updates.push(update);
      const clean = packageCleanOf(command, program);
      if (clean) commandCleans.push(clean);
    }
    info.cleans.push(...inSourceOrder(commandCleans, cacheRemovals));
  }
  return info;
}

/**
 * Script offsets to source offsets. Below `length`, the script is runs of the source (split
 * where a line continuation was removed): run `k` starts at script offset `starts[k]` and maps
 * by adding `shifts[k]`. Offsets are asked for nearly in order, so the last run found is
 * tried first. From `length` on, `other` answers.
 */
interface OffsetMap {
  length: number;
  starts: number[];
  shifts: number[];
  run: number;
  other: (o: number) => number;
}

function mapOffset(map: OffsetMap, o: number): number {
  if (o >= map.length || o < 0) return map.other(o);
  const starts = map.starts;
  let k = map.run;
  while (o < starts[k]!) k--;
  while (k + 1 < starts.length && o >= starts[k + 1]!) k++;
  map.run = k;
  return o + map.shifts[k]!;
}

/** A map that is one shift over the whole script (a heredoc body). */
function shiftMap(shift: number): OffsetMap {
  return { length: Infinity, starts: [0], shifts: [shift], run: 0, other: (o) => o + shift };
}

/**
 * The map of the shell-form command line: `length` characters of `ins.logical` from
 * `restStart`. Its runs are the logical line's own pieces (what lies between two line
 * continuations), so every offset below `length` maps exactly as `logical.toSource` would.
 */
function lineMap(ins: CommandInstruction, length: number): OffsetMap {
  const logical = ins.logical;
  const base = ins.restStart;
  const map: OffsetMap = { length, starts: [], shifts: [], run: 0, other: (o) => logical.toSource(base + o) };
  logical.forEachPiece((logicalStart, sourceStart) => {
    const from = logicalStart - base;
    if (from >= length) return;
    // a piece that begins before the command line (with the keyword) covers its start
    if (from <= 0) {
      map.starts[0] = 0;
      map.shifts[0] = sourceStart - from;
    } else {
      map.starts.push(from);
      map.shifts.push(sourceStart - from);
    }
  });
  return map;
}

function addHeredocs(info: RunInfo, posix: boolean, dialect: ShellDialect): void {
  const { ins } = info;
  const command = ins.command;
  const first = info.scripts[0]?.commands[0];
  const lineIsOnlyMarkers = command?.kind === 'shell' && /^(\s*\d*<<-?\S+\s*)+$/.test(command.text);
  const runsShell = first !== undefined && SHELL_PROGRAMS.has(first.program ?? '') && first.args.every((a) => (a.value ?? '').startsWith('-') || a.text.includes('<<'));
  for (const h of ins.heredocs) {
    if (posix && (lineIsOnlyMarkers ? SHELL_PROGRAMS.has(interpreterOf(h.content) ?? 'sh') : runsShell)) {
      const script = parseShell(h.content, { dialect });
      const map = shiftMap(h.contentSpan.start);
      mapOffsets(script, map);
      info.scripts.push(script);
      info.scriptSources.push({ script, text: h.content, form: 'heredoc', toSource: map.other });
    } else {
      info.dataHeredocs.push(h);
    }
  }
}

/** the program of a `#!` line (`#!/usr/bin/env python3` -> python3) */
export function interpreterOf(content: string): string | undefined {
  const m = /^#!\s*(\S+)(?:[ \t]+(\S+))?/.exec(content);
  if (!m) return undefined;
  const program = m[1]!.slice(m[1]!.lastIndexOf('/') + 1);
  return program === 'env' && m[2] ? m[2] : program;
}

function quoteForShell(value: string): string {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** rewrite every offset of a parsed script in place (the parser shares no span object between places) */
function mapOffsets(script: ShellScript, map: OffsetMap): void {
  for (const c of script.commands) {
    // parsing already unwrapped some commands (to find `sh -c` scripts) with the old positions
    forgetUnwrapped(c);
    mapSpan(c, map);
    if (c.name) mapSpan(c.name, map);
    for (const w of c.args) mapSpan(w, map);
    for (const a of c.assignments) {
      mapSpan(a, map);
      mapSpan(a.value, map);
    }
    for (const r of c.redirects) {
      mapSpan(r, map);
      if (r.target) mapSpan(r.target, map);
      if (r.body) mapSpan(r.body, map);
    }
  }
  for (const p of script.pipelines) mapSpan(p, map);
  for (const e of script.errors) mapSpan(e, map);
}

function mapSpan(x: { start: number; end: number }, map: OffsetMap): void {
  const end = x.end > x.start ? mapOffset(map, x.end - 1) + 1 : mapOffset(map, x.start);
  x.start = mapOffset(map, x.start);
  x.end = Math.max(x.start, end);
}
