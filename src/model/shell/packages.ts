/** Package-manager vocabulary: installs, index updates and cache cleans found in a script. */
import { argsAfterSubcommand, commandName, subcommandPositionals, subcommandWords } from './commands.ts';
import type { ShellCommand, ShellScript, ShellWord } from './types.ts';

export type PackageManager =
  | 'apt-get' | 'apt' | 'apk' | 'dnf' | 'yum' | 'microdnf' | 'zypper' | 'pip' | 'npm' | 'yarn'
  | 'pnpm' | 'gem' | 'go' | 'cargo' | 'composer' | 'bundle' | 'conda' | 'poetry';

export interface PackageInstall {
  manager: PackageManager;
  /** canonical subcommand: 'install' (also for `npm i`, `zypper in`, bare `yarn`), 'ci', 'add', 'get', 'require', 'create', 'reinstall', 'groupinstall', 'localinstall' */
  action: string;
  command: ShellCommand;
  /** package operands as written (`curl=7.*`, `flask==2.0`, `.`), including `pip -e` targets */
  packages: ShellWord[];
  /** requirement files: `pip -r FILE`, `conda --file FILE` */
  requirements: ShellWord[];
  /** `yarn global add`, `composer global require`, `npm -g` */
  global: boolean;
}

export interface PackageUpdate {
  manager: PackageManager;
  command: ShellCommand;
}

export interface PackageClean {
  manager: PackageManager;
  command: ShellCommand;
  /** for an `rm` of a cache directory: the removed cache paths */
  paths?: ShellWord[];
}

interface InstallSpec {
  manager: PackageManager;
  /** subcommand words -> canonical action; longest first */
  actions: readonly (readonly [words: readonly string[], action: string])[];
  /** a bare invocation (`yarn`, `yarn --frozen-lockfile`) is this action */
  bareAction?: string;
  /** option names (no dashes) whose value is the next word */
  flagsWithValue: readonly string[];
  /** options naming a requirements file */
  requirementFlags?: readonly string[];
  /** options whose value is a package too (`pip -e DIR`) */
  packageFlags?: readonly string[];
  singleDashLong?: boolean;
}

const APT_FLAGS = ['o', 'option', 'c', 'config-file', 't', 'target-release', 'default-release'];
const RPM_FLAGS = ['x', 'exclude', 'setopt', 'enablerepo', 'disablerepo', 'repo', 'repoid', 'releasever', 'installroot', 'c', 'config', 'd', 'debuglevel', 'e', 'errorlevel', 'R', 'randomwait', 'downloaddir', 'destdir', 'forcearch'];
const PIP_FLAGS = ['r', 'requirement', 'c', 'constraint', 'e', 'editable', 'i', 'index-url', 'extra-index-url', 'f', 'find-links', 't', 'target', 'prefix', 'root', 'trusted-host', 'platform', 'python-version', 'implementation', 'abi', 'src', 'upgrade-strategy', 'progress-bar', 'cache-dir', 'log', 'timeout', 'retries', 'proxy', 'cert', 'client-cert', 'global-option', 'install-option', 'C', 'config-settings', 'no-binary', 'only-binary', 'report', 'exists-action', 'python', 'root-user-action', 'b', 'build'];
const NPM_FLAGS = ['prefix', 'registry', 'cache', 'w', 'workspace', 'omit', 'include', 'loglevel', 'userconfig', 'C'];
const CONDA_FLAGS = ['c', 'channel', 'n', 'name', 'p', 'prefix', 'file'];

const apt = (manager: PackageManager): InstallSpec => ({
  manager,
  actions: [[['install'], 'install'], [['reinstall'], 'reinstall']],
  flagsWithValue: APT_FLAGS,
});
const rpm = (manager: PackageManager): InstallSpec => ({
  manager,
  actions: [[['install'], 'install'], [['groupinstall'], 'groupinstall'], [['localinstall'], 'localinstall'], [['reinstall'], 'reinstall']],
  flagsWithValue: RPM_FLAGS,
});
const conda: InstallSpec = {
  manager: 'conda',
  actions: [[['install'], 'install'], [['create'], 'create']],
  flagsWithValue: CONDA_FLAGS,
  requirementFlags: ['file'],
};

/** keyed by `programName` of the unwrapped command */
const INSTALL_SPECS: ReadonlyMap<string, InstallSpec> = new Map<string, InstallSpec>([
  ['apt-get', apt('apt-get')],
  ['apt', apt('apt')],
  ['apk', { manager: 'apk', actions: [[['add'], 'add']], flagsWithValue: ['X', 'repository', 't', 'virtual', 'p', 'root', 'keys-dir', 'arch', 'cache-dir', 'repositories-file', 'cache-max-age'] }],
  ['dnf', rpm('dnf')],
  ['yum', rpm('yum')],
  ['microdnf', { manager: 'microdnf', actions: [[['install'], 'install'], [['reinstall'], 'reinstall']], flagsWithValue: ['config', 'installroot', 'releasever', 'setopt', 'enablerepo', 'disablerepo'] }],
  ['zypper', { manager: 'zypper', actions: [[['install'], 'install'], [['in'], 'install']], flagsWithValue: ['t', 'type', 'r', 'repo', 'from', 'R', 'root'] }],
  ['pip', { manager: 'pip', actions: [[['install'], 'install']], flagsWithValue: PIP_FLAGS, requirementFlags: ['r', 'requirement'], packageFlags: ['e', 'editable'] }],
  ['npm', {
    manager: 'npm',
    actions: [[['install'], 'install'], [['i'], 'install'], [['in'], 'install'], [['add'], 'install'], [['ci'], 'ci'], [['clean-install'], 'ci']],
    flagsWithValue: NPM_FLAGS,
  }],
  ['yarn', {
    manager: 'yarn',
    actions: [[['global', 'add'], 'add'], [['add'], 'add'], [['install'], 'install']],
    bareAction: 'install',
    flagsWithValue: ['cwd', 'cache-folder', 'modules-folder', 'registry', 'network-timeout', 'mutex', 'global-folder', 'prefix'],
  }],
  ['pnpm', { manager: 'pnpm', actions: [[['add'], 'add'], [['install'], 'install'], [['i'], 'install']], flagsWithValue: ['C', 'dir', 'filter', 'F', 'store-dir'] }],
  ['gem', { manager: 'gem', actions: [[['install'], 'install']], flagsWithValue: ['v', 'version', 'i', 'install-dir', 'n', 'bindir', 's', 'source', 'P', 'trust-policy', 'platform', 'build-root', 'g', 'file'] }],
  ['go', {
    manager: 'go',
    actions: [[['install'], 'install'], [['get'], 'get']],
    flagsWithValue: ['C', 'o', 'p', 'mod', 'modfile', 'tags', 'ldflags', 'gcflags', 'asmflags', 'buildmode', 'compiler', 'gccgoflags', 'installsuffix', 'overlay', 'pkgdir', 'toolexec', 'pgo', 'covermode', 'coverpkg'],
    singleDashLong: true,
  }],
  ['cargo', { manager: 'cargo', actions: [[['install'], 'install']], flagsWithValue: ['version', 'vers', 'git', 'branch', 'tag', 'rev', 'path', 'root', 'registry', 'index', 'features', 'F', 'j', 'jobs', 'target', 'target-dir', 'profile', 'bin', 'example', 'config', 'Z', 'color'] }],
  ['composer', { manager: 'composer', actions: [[['global', 'require'], 'require'], [['require'], 'require'], [['install'], 'install']], flagsWithValue: ['d', 'working-dir'] }],
  ['bundle', { manager: 'bundle', actions: [[['install'], 'install'], [['add'], 'add']], flagsWithValue: ['gemfile', 'path', 'jobs', 'j', 'retry', 'without', 'with', 'binstubs', 'version', 'v', 'source', 'group', 'g'] }],
  ['conda', conda],
  ['mamba', conda],
  ['micromamba', conda],
  ['poetry', { manager: 'poetry', actions: [[['install'], 'install'], [['add'], 'add']], flagsWithValue: ['with', 'without', 'only', 'E', 'extras', 'G', 'group', 'source', 'C', 'directory', 'P', 'project'] }],
]);

/** Every package installation in the script (nested commands included), in source order. */
export function packageInstalls(script: ShellScript): PackageInstall[] {
  return eachCommand(script, packageInstallOf);
}

/** what `of` finds in each command of the script (nested commands included), in source order */
function eachCommand<T>(script: ShellScript, of: (command: ShellCommand, program: string | undefined) => T | undefined): T[] {
  const found: T[] = [];
  for (const command of script.commands) {
    const item = of(command, commandName(command));
    if (item) found.push(item);
  }
  return found;
}

/** The package installation `command` runs, if any; `program` is its `commandName`. */
export function packageInstallOf(command: ShellCommand, program: string | undefined): PackageInstall | undefined {
  const spec = program === undefined ? undefined : INSTALL_SPECS.get(program);
  if (!spec || program === undefined) return undefined;
  const match = matchAction(command, program, spec);
  if (!match) return undefined;
  const options = { flagsWithValue: spec.flagsWithValue, singleDashLong: spec.singleDashLong ?? false };
  const after = argsAfterSubcommand(command, program, match.words.length);
  const packages = subcommandPositionals(command, program, match.words.length, options);
  if (spec.packageFlags) packages.push(...optionValueWords(after, spec.packageFlags));
  packages.sort((a, b) => a.start - b.start);
  const global = match.words[0] === 'global' || (spec.manager === 'npm' && after.some((w) => w.value === '-g' || w.value === '--global'));
  return {
    manager: spec.manager,
    action: match.action,
    command,
    packages,
    requirements: spec.requirementFlags ? optionValueWords(after, spec.requirementFlags) : [],
    global,
  };
}

function matchAction(command: ShellCommand, program: string, spec: InstallSpec): { words: readonly string[]; action: string } | undefined {
  for (const [words, action] of spec.actions) {
    const found = subcommandWords(command, program, words.length);
    if (found.length === words.length && words.every((w, k) => found[k]!.value === w)) return { words, action };
  }
  if (spec.bareAction !== undefined && subcommandWords(command, program, 1).length === 0) return { words: [], action: spec.bareAction };
  return undefined;
}

/** Values of the named options as words: `-r FILE`, `--requirement FILE`, `--requirement=FILE`, `-rFILE`. */
function optionValueWords(args: readonly ShellWord[], names: readonly string[]): ShellWord[] {
  const words: ShellWord[] = [];
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!;
    const a = w.value;
    if (a === undefined || a[0] !== '-') continue;
    if (a === '--') break;
    for (const n of names) {
      const flag = n.length === 1 ? `-${n}` : `--${n}`;
      if (a === flag) {
        const next = args[i + 1];
        if (next) words.push(next);
        i++;
      } else if (a.startsWith(flag) && (n.length === 1 || a[flag.length] === '=')) {
        const skip = flag.length + (a[flag.length] === '=' ? 1 : 0);
        words.push(subWord(w, skip));
      } else continue;
      break;
    }
  }
  return words;
}

/** The part of a word after its first `skip` value characters (exact when written without quotes). */
function subWord(w: ShellWord, skip: number): ShellWord {
  const plain = w.text === w.value;
  return { text: plain ? w.text.slice(skip) : w.text, value: w.value?.slice(skip), start: plain ? w.start + skip : w.start, end: w.end };
}

interface ManagerCommandSpec {
  manager: PackageManager;
  program: string;
  words: readonly string[];
}

const m = (manager: PackageManager, program: string, ...words: string[]): ManagerCommandSpec => ({ manager, program, words });

const UPDATE_COMMANDS: readonly ManagerCommandSpec[] = [
  m('apt-get', 'apt-get', 'update'), m('apt', 'apt', 'update'), m('apk', 'apk', 'update'),
  m('yum', 'yum', 'makecache'), m('dnf', 'dnf', 'makecache'), m('zypper', 'zypper', 'refresh'), m('zypper', 'zypper', 'ref'),
];

const CLEAN_COMMANDS: readonly ManagerCommandSpec[] = [
  m('apt-get', 'apt-get', 'clean'), m('apt-get', 'apt-get', 'autoclean'), m('apt', 'apt', 'clean'), m('apt', 'apt', 'autoclean'),
  m('yum', 'yum', 'clean'), m('dnf', 'dnf', 'clean'), m('microdnf', 'microdnf', 'clean'),
  m('zypper', 'zypper', 'clean'), m('zypper', 'zypper', 'cc'),
  m('apk', 'apk', 'cache', 'clean'), m('apk', 'apk', 'cache', 'purge'),
  m('pip', 'pip', 'cache', 'purge'), m('pip', 'pip', 'cache', 'remove'),
  m('npm', 'npm', 'cache', 'clean'), m('yarn', 'yarn', 'cache', 'clean'), m('pnpm', 'pnpm', 'store', 'prune'),
  m('gem', 'gem', 'cleanup'), m('go', 'go', 'clean'), m('bundle', 'bundle', 'clean'),
  m('composer', 'composer', 'clear-cache'), m('composer', 'composer', 'clearcache'),
  m('conda', 'conda', 'clean'), m('conda', 'mamba', 'clean'), m('conda', 'micromamba', 'clean'),
];

/** Cache and index directories whose removal cleans up after a package manager. */
const CACHE_PATHS: readonly (readonly [RegExp, PackageManager])[] = [
  [/^\/var\/lib\/apt\/lists(\/|$)/, 'apt-get'],
  [/^\/var\/cache\/apt(\/|$)/, 'apt-get'],
  [/^\/var\/cache\/apk(\/|$)/, 'apk'],
  [/^\/etc\/apk\/cache(\/|$)/, 'apk'],
  [/^\/var\/cache\/yum(\/|$)/, 'yum'],
  [/^\/var\/cache\/dnf(\/|$)/, 'dnf'],
  [/^\/var\/cache\/zypp(\/|$)/, 'zypper'],
  [/(^|\/)\.cache\/pip(\/|$)/, 'pip'],
  [/(^|\/)\.npm(\/|$)/, 'npm'],
  [/(^|\/)\.cache\/yarn(\/|$)|^\/usr\/local\/share\/\.cache\/yarn(\/|$)/, 'yarn'],
  [/(^|\/)\.cache\/go-build(\/|$)/, 'go'],
  [/(^|\/)\.cargo\/registry(\/|$)/, 'cargo'],
  [/(^|\/)\.composer\/cache(\/|$)|(^|\/)\.cache\/composer(\/|$)/, 'composer'],
  [/(^|\/)\.gem(\/|$)/, 'gem'],
  [/^\/opt\/conda\/pkgs(\/|$)/, 'conda'],
];

/** specs by program, so a command is compared only with its own program's */
function byProgram(specs: readonly ManagerCommandSpec[]): ReadonlyMap<string, readonly ManagerCommandSpec[]> {
  const map = new Map<string, ManagerCommandSpec[]>();
  for (const spec of specs) {
    const list = map.get(spec.program);
    if (list) list.push(spec);
    else map.set(spec.program, [spec]);
  }
  return map;
}

const UPDATES_BY_PROGRAM = byProgram(UPDATE_COMMANDS);
const CLEANS_BY_PROGRAM = byProgram(CLEAN_COMMANDS);

/** The manager of the first spec `command` (named `program`) matches. */
function matchingManager(command: ShellCommand, program: string | undefined, specs: ReadonlyMap<string, readonly ManagerCommandSpec[]>): PackageManager | undefined {
  const candidates = program === undefined ? undefined : specs.get(program);
  if (!candidates || program === undefined) return undefined;
  for (const spec of candidates) {
    const words = subcommandWords(command, program, spec.words.length);
    if (words.length === spec.words.length && spec.words.every((w, k) => words[k]!.value === w)) return spec.manager;
  }
  return undefined;
}

/** Package index updates: `apt-get update`, `apk update`, `yum makecache`, `zypper refresh`, ... */
export function packageUpdates(script: ShellScript): PackageUpdate[] {
  return eachCommand(script, packageUpdateOf);
}

/** The package index update `command` runs, if any; `program` is its `commandName`. */
export function packageUpdateOf(command: ShellCommand, program: string | undefined): PackageUpdate | undefined {
  const manager = matchingManager(command, program, UPDATES_BY_PROGRAM);
  return manager === undefined ? undefined : { manager, command };
}

/**
 * Cache cleans: `apt-get clean`, `yum clean all`, `apk cache clean`, `pip cache purge`,
 * `npm cache clean`, ..., and `rm` of a cache directory (`rm -rf /var/lib/apt/lists/*`), in
 * source order.
 */
export function packageCleans(script: ShellScript): PackageClean[] {
  const commandCleans: PackageClean[] = [];
  const removals: PackageClean[] = [];
  for (const command of script.commands) {
    const program = commandName(command);
    const clean = packageCleanOf(command, program);
    if (clean) commandCleans.push(clean);
    if (program === 'rm') removals.push(...cacheRemovalsOf(command));
  }
  return inSourceOrder(commandCleans, removals);
}

/** A package manager's own clean command (`apt-get clean`, ...), if `command` is one; `program` is its `commandName`. */
export function packageCleanOf(command: ShellCommand, program: string | undefined): PackageClean | undefined {
  const manager = matchingManager(command, program, CLEANS_BY_PROGRAM);
  return manager === undefined ? undefined : { manager, command };
}

/** The cache directories an `rm` command removes, one clean per manager. */
export function cacheRemovalsOf(rm: ShellCommand): PackageClean[] {
  const byManager = new Map<PackageManager, ShellWord[]>();
  for (const path of subcommandPositionals(rm, 'rm', 0)) {
    const p = path.value ?? path.text.replace(/^(\$HOME|\$\{HOME\}|~)/, '/root').replace(/["']/g, '');
    const hit = CACHE_PATHS.find(([re]) => re.test(p));
    if (!hit) continue;
    const paths = byManager.get(hit[1]) ?? [];
    paths.push(path);
    byManager.set(hit[1], paths);
  }
  const cleans: PackageClean[] = [];
  for (const [manager, paths] of byManager) cleans.push({ manager, command: rm, paths });
  return cleans;
}

/** Clean commands and cache removals of one script, merged in source order. */
export function inSourceOrder(commandCleans: PackageClean[], removals: readonly PackageClean[]): PackageClean[] {
  return commandCleans.concat(removals).sort((a, b) => a.command.start - b.command.start);
}
