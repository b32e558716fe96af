/**
 * The RPM-family and zypper package managers as the rules of DL3030-DL3041 see them: which
 * subcommand a command runs (aliases and two-word forms such as `dnf module install` folded
 * into one action), its package operands, whether a cache clean follows it in the same RUN,
 * and whether a cache mount makes cleaning unnecessary.
 */
import { mountsHold } from './cache-mount.ts';
import type { RunInfo } from './run.ts';
import { commandName, subcommandPositionals, subcommandWords, unwrap } from './shell/commands.ts';
import type { ShellCommand, ShellWord } from './shell/types.ts';

export type SystemManager = 'yum' | 'dnf' | 'microdnf' | 'zypper';

/**
 * What a subcommand does, whatever its spelling: `install` (also `in`, `localinstall`),
 * `group-install`, `module-install`, `reinstall`, `upgrade` (`update`, `up`, `upgrade-minimal`,
 * `patch`, ...), `dist-upgrade` (zypper `dup`, dnf `distro-sync`), `downgrade`, `remove`,
 * `source-install`, `swap`.
 */
export type SystemAction =
  | 'install' | 'local-install' | 'group-install' | 'module-install' | 'reinstall' | 'upgrade'
  | 'dist-upgrade' | 'downgrade' | 'remove' | 'source-install' | 'swap';

export interface SystemPackageCommand {
  manager: SystemManager;
  action: SystemAction;
  command: ShellCommand;
  /** the program word as the command wrote it (`dnf`, `/usr/bin/yum`) */
  program: ShellWord;
  /** the subcommand word(s): `install`, or `module` `install` */
  subcommand: ShellWord[];
  /** the operands after the subcommand (options and their values left out) */
  packages: ShellWord[];
  /** run through a wrapper such as `sudo` or `env` */
  wrapped: boolean;
}

type ActionTable = ReadonlyMap<string, SystemAction>;

const YUM_ACTIONS: ActionTable = new Map<string, SystemAction>([
  ['install', 'install'], ['localinstall', 'local-install'], ['groupinstall', 'group-install'],
  ['group install', 'group-install'], ['groups install', 'group-install'], ['module install', 'module-install'],
  ['reinstall', 'reinstall'], ['update', 'upgrade'], ['upgrade', 'upgrade'], ['update-minimal', 'upgrade'],
  ['upgrade-minimal', 'upgrade'], ['groupupdate', 'upgrade'], ['group update', 'upgrade'], ['distro-sync', 'dist-upgrade'],
  ['downgrade', 'downgrade'], ['remove', 'remove'], ['erase', 'remove'], ['autoremove', 'remove'],
  ['groupremove', 'remove'], ['group remove', 'remove'], ['swap', 'swap'],
]);

const DNF_ACTIONS: ActionTable = new Map<string, SystemAction>([
  ...YUM_ACTIONS,
  ['in', 'install'], ['rei', 'reinstall'], ['up', 'upgrade'], ['up-min', 'upgrade'], ['dg', 'downgrade'],
  ['rm', 'remove'], ['distrosync', 'dist-upgrade'], ['dsync', 'dist-upgrade'], ['group upgrade', 'upgrade'],
  ['module update', 'upgrade'], ['module remove', 'remove'],
]);

const MICRODNF_ACTIONS: ActionTable = new Map<string, SystemAction>([
  ['install', 'install'], ['reinstall', 'reinstall'], ['update', 'upgrade'], ['upgrade', 'upgrade'],
  ['distro-sync', 'dist-upgrade'], ['downgrade', 'downgrade'], ['remove', 'remove'], ['module install', 'module-install'],
  ['group install', 'group-install'], ['swap', 'swap'],
]);

const ZYPPER_ACTIONS: ActionTable = new Map<string, SystemAction>([
  ['install', 'install'], ['in', 'install'], ['reinstall', 'reinstall'], ['remove', 'remove'], ['rm', 'remove'],
  ['update', 'upgrade'], ['up', 'upgrade'], ['patch', 'upgrade'], ['dist-upgrade', 'dist-upgrade'], ['dup', 'dist-upgrade'],
  ['source-install', 'source-install'], ['si', 'source-install'], ['install-new-recommends', 'install'], ['inr', 'install'],
]);

// option names (no dashes) that take the next word as their value, before and after the subcommand
const RPM_VALUE_FLAGS = [
  'c', 'config', 'd', 'debuglevel', 'e', 'errorlevel', 'R', 'randomwait', 'x', 'exclude', 'installroot', 'releasever',
  'setopt', 'enablerepo', 'disablerepo', 'repo', 'repoid', 'downloaddir', 'destdir', 'forcearch', 'enableplugin', 'disableplugin',
];
const ZYPPER_VALUE_FLAGS = ['R', 'root', 'D', 'reposd-dir', 'C', 'cache-dir', 'c', 'config', 't', 'type', 'r', 'repo', 'from', 'download'];

const MANAGERS: ReadonlyMap<string, { manager: SystemManager; actions: ActionTable; flags: readonly string[] }> = new Map([
  ['yum', { manager: 'yum' as const, actions: YUM_ACTIONS, flags: RPM_VALUE_FLAGS }],
  ['dnf', { manager: 'dnf' as const, actions: DNF_ACTIONS, flags: RPM_VALUE_FLAGS }],
  ['dnf5', { manager: 'dnf' as const, actions: DNF_ACTIONS, flags: RPM_VALUE_FLAGS }],
  ['microdnf', { manager: 'microdnf' as const, actions: MICRODNF_ACTIONS, flags: RPM_VALUE_FLAGS }],
  ['zypper', { manager: 'zypper' as const, actions: ZYPPER_ACTIONS, flags: ZYPPER_VALUE_FLAGS }],
]);

/** The yum / dnf / microdnf / zypper subcommand `cmd` runs, or undefined for anything else. */
export function systemPackageCommand(cmd: ShellCommand): SystemPackageCommand | undefined {
  const real = unwrap(cmd);
  const program = real.name;
  const name = real.program;
  const spec = name === undefined ? undefined : MANAGERS.get(name);
  if (!spec || !program || name === undefined) return undefined;
  const words = subcommandWords(real, name, 2);
  for (const count of [2, 1]) {
    const sub = words.slice(0, count);
    if (sub.length < count || sub.some((w) => w.value === undefined)) continue;
    const action = spec.actions.get(sub.map((w) => w.value).join(' '));
    if (!action) continue;
    return {
      manager: spec.manager, action, command: cmd, program, subcommand: sub,
      packages: subcommandPositionals(real, name, count, { flagsWithValue: spec.flags }),
      wrapped: real.name !== cmd.name,
    };
  }
  return undefined;
}

/** several rules ask for the same RUN's list: found once per RUN */
const systemPackageCommandsOf = new WeakMap<RunInfo, readonly SystemPackageCommand[]>();

/** Every yum / dnf / microdnf / zypper subcommand in the RUN, in source order. */
export function systemPackageCommands(run: RunInfo): readonly SystemPackageCommand[] {
  let found = systemPackageCommandsOf.get(run);
  if (!found) {
    const list: SystemPackageCommand[] = [];
    for (const cmd of run.commands) {
      const spc = systemPackageCommand(cmd);
      if (spc) list.push(spc);
    }
    found = list;
    systemPackageCommandsOf.set(run, found);
  }
  return found;
}

/** Actions that download packages into the manager's cache. */
export const DOWNLOADING_ACTIONS: ReadonlySet<SystemAction> = new Set<SystemAction>([
  'install', 'local-install', 'group-install', 'module-install', 'reinstall', 'upgrade', 'dist-upgrade', 'downgrade',
  'source-install', 'swap',
]);

/** Cache directories per manager (dnf 5 moved its cache to /var/cache/libdnf5). */
export const CACHE_DIRS: Readonly<Record<SystemManager, readonly string[]>> = {
  yum: ['/var/cache/yum'],
  dnf: ['/var/cache/dnf', '/var/cache/yum', '/var/cache/libdnf5'],
  microdnf: ['/var/cache/dnf', '/var/cache/yum', '/var/cache/libdnf5'],
  zypper: ['/var/cache/zypp'],
};

/** Whether `path` is one of `dirs` or inside one (`/var/cache/yum/*`, `/var/cache/yum/`). */
export function isUnder(path: string, dirs: readonly string[]): boolean {
  const p = path.replace(/\/+$/, '');
  return dirs.some((d) => p === d || p.startsWith(`${d}/`));
}

/**
 * Whether something after `after` in the same RUN removes the cache: a command for which
 * `isClean` holds, or an `rm` of one of `dirs`.
 */
export function cleanedAfter(
  run: RunInfo, after: ShellCommand, dirs: readonly string[], isClean: (cmd: ShellCommand) => boolean,
): boolean {
  if (run.removed.some((r) => r.command.start > after.start && r.path.value !== undefined && isUnder(r.path.value, dirs))) return true;
  return run.commands.some((c) => c.start > after.start && isClean(c));
}

/** programs whose `clean` clears each manager's cache */
const CLEANERS: Readonly<Record<SystemManager, readonly string[]>> = {
  yum: ['yum'], dnf: ['dnf', 'dnf5'], microdnf: ['microdnf'], zypper: ['zypper'],
};

/**
 * `yum clean all`, `dnf clean all`, `microdnf clean all`, `zypper clean` / `zypper cc` (any options,
 * also ones that come from a variable: `dnf clean ${quiet} all`)
 */
export function isCacheClean(cmd: ShellCommand, manager: SystemManager): boolean {
  const name = commandName(cmd);
  if (name === undefined || !CLEANERS[manager].includes(name)) return false;
  const sub = subcommandWords(cmd, name, 1)[0]?.value;
  if (manager === 'zypper') return sub === 'clean' || sub === 'cc';
  return sub === 'clean' && subcommandPositionals(cmd, name, 1).some((w) => w.value === 'all');
}

/**
 * The first command of `manager` in the RUN that downloads packages and is not followed by a
 * cache clean in the same RUN, unless a cache or tmpfs mount keeps the cache out of the layer.
 */
export function uncleanedDownload(run: RunInfo, manager: SystemManager): SystemPackageCommand | undefined {
  const dirs = CACHE_DIRS[manager];
  if (mountsHold(run, dirs)) return undefined;
  return systemPackageCommands(run).find((spc) =>
    spc.manager === manager && DOWNLOADING_ACTIONS.has(spc.action)
    && !cleanedAfter(run, spc.command, dirs, (c) => isCacheClean(c, manager)));
}

/** a local file, a URL or a group / module reference (`@core`) rather than a repository package name */
function isFileOrGroup(operand: string): boolean {
  return operand.startsWith('@') || operand.includes('/') || operand.endsWith('.rpm');
}

/**
 * Whether an rpm operand (yum / dnf / microdnf) names a version: `tomcat-9.0.1`,
 * `openssl-1:1.1.1k`, `git-core-2.51.0-2.fc42` (a `-` part that starts with a digit and everything
 * after it); for `module install` a stream (`nodejs:20`). Files, URLs and groups count as pinned.
 */
export function rpmOperandPinned(operand: string, action: SystemAction): boolean {
  if (isFileOrGroup(operand)) return true;
  if (action === 'module-install') return operand.includes(':');
  return /-(\d+:)?\d[^-]*(-\d[^-]*)?$/.test(operand);
}

/** Whether a zypper operand carries a version constraint (`tomcat=9.0`, `tomcat>=9`) or is a file. */
export function zypperOperandPinned(operand: string): boolean {
  return isFileOrGroup(operand) || /[=<>]/.test(operand);
}
