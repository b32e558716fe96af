/**
 * What apt leaves in a layer: `apt-get update` (also `apt update`, `aptitude update`) writes
 * the package lists to /var/lib/apt/lists; they stay in the layer unless the same RUN
 * removes them or a cache/tmpfs mount holds that directory. Downloaded archives go to
 * /var/cache/apt/archives and are deleted by Debian's `docker-clean` apt hook, unless a
 * Dockerfile removes that hook (as the cache-mount recipes do).
 */
import type { Instruction } from '../parser/ast.ts';
import type { DockerfileModel, Stage } from './model.ts';
import type { RunInfo } from './run.ts';
import { commandName, hasFlag, isCommand, subcommandWords } from './shell/commands.ts';
import type { ShellCommand } from './shell/types.ts';
import { perModel } from './per-model.ts';
import { anyAlongChain } from './stage-chain.ts';

export const APT_LISTS_DIR = '/var/lib/apt/lists';
export const APT_ARCHIVES_DIR = '/var/cache/apt/archives';
const DOCKER_CLEAN_HOOK = '/etc/apt/apt.conf.d/docker-clean';
const APT_PROGRAMS: ReadonlySet<string> = new Set(['apt-get', 'apt', 'aptitude']);

/** The subcommand of an apt/aptitude command, undefined for other commands. */
function aptSubcommand(c: ShellCommand): string | undefined {
  const program = commandName(c);
  return program !== undefined && APT_PROGRAMS.has(program) ? subcommandWords(c, program, 1)[0]?.value : undefined;
}

/** The commands of the RUN that download apt's package lists. */
export function aptListUpdates(run: RunInfo): ShellCommand[] {
  return run.commands.filter((c) => aptSubcommand(c) === 'update');
}

/** The apt/aptitude package installs of the RUN (`install`, `reinstall`, also aptitude's). */
export function aptInstalls(run: RunInfo): ShellCommand[] {
  return run.commands.filter((c) => {
    const sub = aptSubcommand(c);
    return sub === 'install' || sub === 'reinstall';
  });
}

/** Whether the RUN deletes apt's package lists after source offset `after`: `rm` of the directory, or `apt-get dist-clean` (apt 2.7+). */
export function removesAptLists(run: RunInfo, after = -1): boolean {
  return removesDirectory(run, APT_LISTS_DIR, after)
    || run.commands.some((c) => c.start > after && (isCommand(c, 'apt-get', 'dist-clean') || isCommand(c, 'apt', 'dist-clean')));
}

/** a path as `rm` receives it, `~`/`$HOME` read as /root and quotes dropped */
function removedPathText(value: string | undefined, text: string): string {
  return (value ?? text.replace(/["']/g, '')).replace(/^(\$HOME|\$\{HOME\}|~)(?=\/|$)/, '/root');
}

/** whether removing `removed` (a path, possibly ending in a `*` glob) deletes everything under `dir` */
function removesDir(removed: string, dir: string): boolean {
  // `/var/lib/apt/lists*` matches the directory itself (`*` may match nothing), and what it holds
  if (/[^/]\*$/.test(removed)) return !removed.slice(0, -1).includes('*') && dir.startsWith(removed.slice(0, -1));
  const path = removed.replace(/\/\*?$/, '').replace(/\/+$/, '');
  return path !== '' && (dir === path || dir.startsWith(`${path}/`));
}

/** Whether the RUN removes `dir` (or its contents, or a parent) with `rm` after source offset `after`. */
export function removesDirectory(run: RunInfo, dir: string, after = -1): boolean {
  return run.removed.some((r) => r.command.start > after && removesDir(removedPathText(r.path.value, r.path.text), dir));
}

/**
 * Whether Debian's `docker-clean` hook was removed before or in this RUN, in its stage or a
 * stage it builds on: then installed `.deb` archives stay in /var/cache/apt/archives.
 */
export function aptKeepsArchives(model: DockerfileModel, ins: Instruction): boolean {
  const stage = model.info(ins).stage;
  if (!stage) return false;
  // a stage builds on stages above it, so a removal there is always before `ins`
  return (hookRemovalsOf(model).get(stage) ?? Infinity) <= ins.start || (stage.baseStage !== undefined && removesHookAlongChain(stage.baseStage, model));
}
const removesHookAlongChain = anyAlongChain((stage: Stage, model: DockerfileModel) => hookRemovalsOf(model).has(stage));

/** per stage, where its first RUN removing the docker-clean hook starts */
const hookRemovalsOf = perModel((model) => {
  const removals = new Map<Stage, number>();
  for (const other of model.instructions) {
    if (!other.stage || removals.has(other.stage)) continue;
    const run = model.run(other.ins);
    if (run && run.removed.some((r) => removedPathText(r.path.value, r.path.text) === DOCKER_CLEAN_HOOK)) removals.set(other.stage, other.ins.start);
  }
  return removals;
});

/** Whether an apt install only simulates (`-s`, `--simulate`, `--dry-run`, `--just-print`, `--recon`, `--no-act`): it installs nothing. */
export function aptSimulates(cmd: ShellCommand): boolean {
  return hasFlag(cmd, 's', 'simulate', 'dry-run', 'just-print', 'recon', 'no-act');
}
