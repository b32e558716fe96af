/** What a script removes and which shell state it leaves behind. */
import { hasFlag, positionalArgs, programName, unwrap } from './commands.ts';
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
  for (const command of script.commands) {
    if (programName(unwrap(command).name) !== 'rm') continue;
    const recursive = hasFlag(command, 'r', 'R', 'recursive');
    const force = hasFlag(command, 'f', 'force');
    for (const path of positionalArgs(command)) removed.push({ command, path, recursive, force });
  }
  return removed;
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
    if (command.inSubshell || command.inPipeline) continue;
    if (!command.name) {
      if (command.assignments.length > 0) changes.push({ kind: 'assignment', command });
      continue;
    }
    const name = command.name.value;
    if (name !== undefined && STATEFUL_BUILTINS.has(name)) changes.push({ kind: name as ShellStateKind, command });
  }
  return changes;
}
