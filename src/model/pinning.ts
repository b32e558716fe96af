/**
 * Whether package operands name a version: the version-pinning rules (apt, apk, pip, npm)
 * ask `unpinnedPackages(install)` for the operands that do not. Operands whose value depends
 * on a variable are unknown and never reported; local files, directories and archives need no
 * version.
 */
import { commandName, subcommandPositionals, subcommandWords } from './shell/commands.ts';
import type { PackageInstall } from './shell/packages.ts';
import type { ShellCommand, ShellWord } from './shell/types.ts';

const LOCAL_PATH = /^(\.{1,2}(\/|$)|\/|~\/)/;
const URL = /^[a-z][a-z0-9+.-]*:\/\//i;
const VCS_URL = /^(git|hg|svn|bzr)\+/i;

/** `apt-get install curl=7.88*`, a `.deb` file or a path pins; `curl` and `curl/bookworm` do not */
function aptPinned(value: string): boolean {
  return value.includes('=') || value.endsWith('.deb') || LOCAL_PATH.test(value);
}

/** `apk add flex=2.6.4-r1`, `git~2.52`, `"python3<3.7"`, or an `.apk` file */
function apkPinned(value: string): boolean {
  return /[=~<>]/.test(value) || value.endsWith('.apk') || LOCAL_PATH.test(value);
}

/**
 * pip: any version specifier (`==`, `~=`, `>=`, `<`, `!=`, `===`), a direct reference
 * (`name @ url`), a VCS URL with `@revision`, another URL, a local path or archive.
 */
function pipPinned(value: string): boolean {
  if (VCS_URL.test(value)) {
    // the revision follows the repository path: `git+https://host/repo.git@v1.0#egg=x` (user@ in the host does not count)
    const rest = value.replace(/^[^:]+:\/\//, '').split('#')[0]!;
    const slash = rest.indexOf('/');
    return slash !== -1 && rest.slice(slash).includes('@');
  }
  if (URL.test(value) || LOCAL_PATH.test(value) || value.includes('/')) return true;
  if (/\.(whl|zip|tar(\.(gz|bz2|xz))?|tgz)$/i.test(value)) return true;
  return /[=<>!~@]/.test(value);
}

/**
 * npm: `name@version`, `@scope/name@version`, a git URL or GitHub shorthand with `#ref`, a
 * tarball or a folder.
 */
function npmPinned(value: string): boolean {
  if (LOCAL_PATH.test(value) || /\.(tar|tar\.gz|tgz)$/i.test(value)) return true;
  if (URL.test(value) || /^(git(\+[a-z]+)?|github|gitlab|bitbucket|gist):/i.test(value)) return value.includes('#');
  if (value.startsWith('@')) return value.indexOf('@', 1) !== -1;
  if (value.includes('/')) return value.includes('#');
  return value.includes('@');
}

const PINNED: Readonly<Partial<Record<PackageInstall['manager'], (value: string) => boolean>>> = {
  'apt-get': aptPinned,
  apt: aptPinned,
  apk: apkPinned,
  pip: pipPinned,
  npm: npmPinned,
};

/**
 * Package operands of the install that name no version (apt-get/apt, apk, pip, npm; other
 * managers give none). pip with a constraints file (`-c`, `--constraint`) pins through it.
 */
export function unpinnedPackages(install: PackageInstall): ShellWord[] {
  const pinned = PINNED[install.manager];
  if (!pinned) return [];
  if (install.manager === 'pip' && hasConstraints(install.command)) return [];
  return install.packages.filter((p) => p.value !== undefined && p.value !== '' && !pinned(p.value));
}

function hasConstraints(cmd: ShellCommand): boolean {
  return cmd.args.some((a) => {
    const v = a.value ?? '';
    return v === '-c' || v === '--constraint' || v.startsWith('--constraint=') || /^-c./.test(v);
  });
}

/** pipx options (no dashes) that take a value */
const PIPX_FLAGS_WITH_VALUE = ['python', 'pip-args', 'index-url', 'i', 'suffix', 'preinstall'];

/** The package operands of `pipx install` that name no version; undefined when `cmd` is not one. */
export function unpinnedPipxPackages(cmd: ShellCommand): ShellWord[] | undefined {
  if (commandName(cmd) !== 'pipx' || subcommandWords(cmd, 'pipx', 1)[0]?.value !== 'install') return undefined;
  return subcommandPositionals(cmd, 'pipx', 1, { flagsWithValue: PIPX_FLAGS_WITH_VALUE })
    .filter((p) => p.value !== undefined && p.value !== '' && !pipPinned(p.value));
}
