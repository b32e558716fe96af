/** What a script removes and which shell state it leaves behind. */
import { commandName, hasFlag, positionalArgs } from './commands.ts';
import type { ShellCommand, ShellScript, ShellWord } from './types.ts';

export interface RemovedPath {
  command: ShellCommand;
  path: ShellWord;
  /** `-r`, `-R`, `--recursive` */
  recursive: boolean;
  /** `-f`, `--force` */
  force: boolean;
}

/** Every operand of every `rm` (wrappers such as `sudo` stripped), in source order. */
export function removedPaths(script: ShellScript): RemovedPath[] {
  const removed: RemovedPath[] = [];
  for (const command of script.commands) if (commandName(command) === 'rm') removed.push(...removedPathsOf(command));
  return removed;
}

/** The operands of an `rm` command. */
export function removedPathsOf(rm: ShellCommand): RemovedPath[] {
  const recursive = hasFlag(rm, 'r', 'R', 'recursive');
  const force = hasFlag(rm, 'f', 'force');
  return positionalArgs(rm).map((path) => ({ command: rm, path, recursive, force }));
}

export type ShellStateKind =
  | 'cd' | 'pushd' | 'popd' | 'export' | 'set' | 'unset' | 'umask' | 'source' | '.' | 'alias'
  | 'shopt' | 'trap' | 'ulimit' | 'assignment';

export interface ShellStateChange {
  /** the builtin, or 'assignment' for a bare `FOO=bar` */
  kind: ShellStateKind;
  command: ShellCommand;
}

const STATEFUL_BUILTINS: ReadonlySet<string> = new Set<ShellStateKind>([
  'cd', 'pushd', 'popd', 'export', 'set', 'unset', 'umask', 'source', '.', 'alias', 'shopt', 'trap', 'ulimit',
]);

/**
 * Commands that change the state of the shell itself (directory, variables, options, traps,
 * limits), which would leak into what follows if this RUN were merged with the next one.
 * Commands in a subshell or pipeline are left out: their changes die with the child shell.
 * (A rule that flags every `cd`, even in a subshell, reads `script.commands` instead.)
 */
export function shellStateChanges(script: ShellScript): ShellStateChange[] {
  const changes: ShellStateChange[] = [];
  for (const command of script.commands) {
    const change = stateChangeOf(command);
    if (change) changes.push(change);
  }
  return changes;
}

/** The change `command` makes to the state of the shell itself, if any (see `shellStateChanges`). */
export function stateChangeOf(command: ShellCommand): ShellStateChange | undefined {
  if (command.inSubshell || command.inPipeline) return undefined;
  if (!command.name) return command.assignments.length > 0 ? { kind: 'assignment', command } : undefined;
  const name = command.name.value;
  return name !== undefined && STATEFUL_BUILTINS.has(name) ? { kind: name as ShellStateKind, command } : undefined;
}
