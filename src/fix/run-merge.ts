/**
 * Merging two consecutive RUNs into one (`RUN a` + `RUN b` -> `RUN a && b`), as text edits.
 * Shared by `merge-consecutive-run`, `apt-update-separate` and `cleanup-in-separate-layer`.
 * Each RUN starts a new shell; merged, `b` runs in the shell `a` leaves. The merge is safe
 * only where that cannot matter: the default `/bin/sh -c`, a Linux image, the same flags and
 * no mount a RUN writes to, and a first RUN that leaves no shell state (`cd`, `export`,
 * `exit` ...: wrapped in a subshell, unsafe) and changes no shell startup file (unsafe).
 * Under a login or interactive SHELL, which reads the profile at every RUN, and on Windows,
 * where PATH an installer sets reaches the next RUN only, there is no fix.
 */
import type { CommandInstruction, Dockerfile, Instruction } from '../parser/ast.ts';
import type { FixSafety, TextEdit } from '../linter/types.ts';
import type { DockerfileModel } from '../model/model.ts';
import type { RunInfo } from '../model/run.ts';

export interface RunMerge {
  safety: FixSafety;
  edits: TextEdit[];
}

/** the top-level instruction: an ONBUILD trigger's ONBUILD line */
const topLevel = (ins: Instruction): Instruction => ins.parent ?? ins;

/** Same flags (mounts, network, security), in any order. */
export function sameRunFlags(a: Instruction, b: Instruction): boolean {
  const key = (ins: Instruction) => ins.flags.map((f) => f.raw).sort().join('\0');
  return key(a) === key(b);
}

/** Whether `second` directly follows `first` (comment or blank lines between at most), both ONBUILD triggers or neither. */
export function areConsecutive(df: Dockerfile, first: Instruction, second: Instruction): boolean {
  if ((first.parent === undefined) !== (second.parent === undefined)) return false;
  const i = df.instructions.indexOf(topLevel(first));
  return i >= 0 && df.instructions[i + 1] === topLevel(second);
}

/** commands that end or replace the shell: merged, they would stop the second RUN's commands too */
const ENDS_SHELL = new Set(['exit', 'exec', 'return', 'logout']);

/** The source offset just after the script of a shell-form RUN, when nothing after its last pipeline would swallow an appended `&& ...`. */
function appendPoint(source: string, run: RunInfo): number | undefined {
  const command = run.ins.command;
  const last = run.scripts[0]?.pipelines.at(-1);
  if (command?.kind !== 'shell' || !last) return undefined;
  // a trailing comment, `;` or background `&` would break `a && b`: only blanks and continuations may follow
  const tail = source.slice(Math.min(last.end, command.span.end), command.span.end);
  if (!/^(?:\s|\\\r?\n|`\r?\n)*$/.test(tail)) return undefined;
  return command.span.end;
}

/** `b` stays one AND-list after `a && `: its top-level pipelines are joined by `&&` only */
function isAndList(run: RunInfo): boolean {
  return run.scripts[0]!.pipelines.every((p, k) => k === 0 || p.joinedBy === '&&');
}

function mergeable(run: RunInfo | undefined): run is RunInfo {
  return run !== undefined && run.posix && run.editable && run.ins.command?.kind === 'shell'
    && run.ins.heredocs.length === 0 && run.scripts.every((s) => s.errors.length === 0) && run.commands.length > 0;
}

const DEFAULT_SHELL = '/bin/sh\0-c';

/** a login or interactive shell (`-l`, `--login`, `-i`, `-lc`, `-ic` ...): it reads the profile at every RUN */
function readsProfile(shell: readonly string[]): boolean {
  return shell.slice(1).some((a) => a === '--login' || a === '--interactive' || /^-[A-Za-z]*[li][A-Za-z]*$/.test(a));
}

/** a mount whose writes die with the RUN (tmpfs, a read-write bind): merged, the second RUN would see them */
function hasWritableMount(run: RunInfo): boolean {
  return run.mounts.some((m) => m.type === 'tmpfs' || (m.type === 'bind' && (m.options.has('rw') || m.options.has('readwrite'))));
}

/**
 * Edits turning `first` and the RUN right after it into one RUN, or undefined when that cannot
 * be done with certainty (exec form, heredocs, different flags, a second RUN that is not a plain
 * AND-list, a trailing comment, a Windows stage, a login shell ...). Comment lines between the
 * two are kept inside the continuation (BuildKit drops them there); blank lines are dropped.
 */
export function mergeRunEdits(model: DockerfileModel, source: string, first: CommandInstruction, second: CommandInstruction, eol: string): RunMerge | undefined {
  const a = model.run(first);
  const b = model.run(second);
  if (!mergeable(a) || !mergeable(b) || !areConsecutive(model.df, first, second) || !sameRunFlags(first, second)) return undefined;
  const info = model.info(first);
  if (info.stage?.windows || readsProfile(info.shell)) return undefined;
  if (!isAndList(b)) return undefined;
  const end = appendPoint(source, a);
  const bCommand = second.command;
  if (end === undefined || bCommand?.kind !== 'shell') return undefined;
  const aCommand = first.command as { span: { start: number; end: number } };
  const keepsState = a.stateChanges.length > 0
    || a.commands.some((c) => !c.inSubshell && ENDS_SHELL.has(c.name?.value ?? ''));
  // what may differ in one shell: a shell other than sh -c reads more at start-up (BASH_ENV ...),
  // a startup file the first RUN writes, what the first wrote to a mount that dies with a RUN
  const unsafe = keepsState || info.shell.join('\0') !== DEFAULT_SHELL || a.shellStartupChanges.length > 0 || hasWritableMount(a);

  const escape = model.df.escape;
  const aText = source.slice(aCommand.span.start, end);
  const lines = aText.split(/\r?\n/);
  const indent = lines.length > 1 ? /^[ \t]*/.exec(lines[lines.length - 1]!)![0] || '    ' : '    ';
  const leadingAnd = /\r?\n[ \t]*&&/.test(aText);
  const gap = source.slice(topLevel(first).fullEnd, topLevel(second).start);
  const comments = gap.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.startsWith('#')).map((l) => `${l}${eol}`).join('');
  const joint = leadingAnd ? ` ${escape}${eol}${comments}${indent}&& ` : ` && ${escape}${eol}${comments}${indent}`;

  const edits: TextEdit[] = [];
  if (keepsState) edits.push({ start: aCommand.span.start, end: aCommand.span.start, text: '( ' });
  edits.push({ start: end, end: bCommand.span.start, text: `${keepsState ? ' )' : ''}${joint}` });
  return { safety: unsafe ? 'unsafe' : 'safe', edits };
}
