/**
 * Merging two consecutive RUNs into one (`RUN a` + `RUN b` -> `RUN a && b`), as text edits.
 * Shared by `merge-consecutive-run` and `apt-update-separate`. The merge is safe when the
 * merged RUN fails exactly when one of the two would have and the first leaves no shell state
 * for the second to see; when the first changes state (`cd`, `export`, `set`, `exit` ...) it is
 * wrapped in a subshell, which keeps behaviour but is offered as unsafe.
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

/** The source offset just after the command text of a shell-form RUN, when nothing after its last command would swallow an appended `&& ...`. */
function appendPoint(source: string, run: RunInfo): number | undefined {
  const command = run.ins.command;
  if (command?.kind !== 'shell') return undefined;
  const lastEnd = Math.max(...run.commands.map((c) => c.end));
  const tail = source.slice(Math.min(lastEnd, command.span.end), command.span.end).trim();
  // a trailing comment, a background `&` or a dangling `;` would break `a && b`
  if (tail.includes('#') || /[;&|]$/.test(tail)) return undefined;
  return command.span.end;
}

/** `b` stays one AND-list after `a && `: no `;`, newline, `||` or `&` outside subshells */
function isAndList(run: RunInfo): boolean {
  return run.commands.every((c) => c.inSubshell || c.joinedBy === undefined || c.joinedBy === '&&' || c.joinedBy === '|' || c.joinedBy === '|&');
}

function mergeable(run: RunInfo | undefined): run is RunInfo {
  return run !== undefined && run.posix && run.editable && run.ins.command?.kind === 'shell'
    && run.ins.heredocs.length === 0 && run.scripts.every((s) => s.errors.length === 0) && run.commands.length > 0;
}

/**
 * Edits turning `first` and the RUN right after it into one RUN, or undefined when that cannot
 * be done with certainty (exec form, heredocs, different flags, a second RUN that is not a plain
 * AND-list, a trailing comment ...). Comment lines between the two are kept inside the
 * continuation (BuildKit drops them there); blank lines are dropped.
 */
export function mergeRunEdits(model: DockerfileModel, source: string, first: CommandInstruction, second: CommandInstruction, eol: string): RunMerge | undefined {
  const a = model.run(first);
  const b = model.run(second);
  if (!mergeable(a) || !mergeable(b) || !areConsecutive(model.df, first, second) || !sameRunFlags(first, second)) return undefined;
  if (!isAndList(b)) return undefined;
  const end = appendPoint(source, a);
  const bCommand = second.command;
  if (end === undefined || bCommand?.kind !== 'shell') return undefined;
  const aCommand = first.command as { span: { start: number; end: number } };
  const keepsState = a.stateChanges.length > 0
    || a.commands.some((c) => !c.inSubshell && ENDS_SHELL.has(c.name?.value ?? ''));

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
  return { safety: keepsState ? 'unsafe' : 'safe', edits };
}
