/**
 * Cache mounts: `RUN --mount=type=cache,target=DIR` keeps DIR out of the layer and
 * warm between builds, so a package manager's cache there needs no cleaning. Rules
 * about apt/apk/pip/npm/yarn caches ask `hasPackageCacheMount(run, manager)`.
 */
import type { RunInfo } from './run.ts';
import type { PackageManager } from './shell/index.ts';

/** Where each manager keeps what its cache rules are about (root's HOME), the first is the one to recommend. */
export const PACKAGE_CACHE_DIRS: Readonly<Partial<Record<PackageManager, readonly string[]>>> = {
  'apt-get': ['/var/cache/apt', '/var/lib/apt/lists'],
  apt: ['/var/cache/apt', '/var/lib/apt/lists'],
  apk: ['/var/cache/apk', '/etc/apk/cache'],
  yum: ['/var/cache/yum'],
  dnf: ['/var/cache/dnf'],
  microdnf: ['/var/cache/yum', '/var/cache/dnf'],
  zypper: ['/var/cache/zypp'],
  pip: ['/root/.cache/pip'],
  poetry: ['/root/.cache/pypoetry'],
  npm: ['/root/.npm'],
  yarn: ['/usr/local/share/.cache/yarn', '/root/.cache/yarn'],
  pnpm: ['/root/.local/share/pnpm/store', '/root/.cache/pnpm'],
  go: ['/root/.cache/go-build', '/go/pkg/mod'],
  cargo: ['/usr/local/cargo/registry', '/root/.cargo/registry'],
  composer: ['/root/.composer/cache', '/tmp/cache'],
  gem: ['/root/.gem', '/usr/local/bundle/cache'],
  bundle: ['/usr/local/bundle/cache', '/root/.bundle/cache'],
  conda: ['/opt/conda/pkgs'],
};

function normalize(path: string): string {
  const p = path.replace(/^~(?=\/|$)/, '/root').replace(/\/+$/, '');
  return p === '' ? '/' : p;
}

/** `path` is `dir` or inside it */
function within(path: string, dir: string): boolean {
  return dir === '/' || path === dir || path.startsWith(`${dir}/`);
}

/**
 * Whether the RUN has `--mount=type=cache` whose target is `path` or a directory holding it
 * (a cache on `/var/cache/apt` covers `/var/cache/apt/archives`). Relative targets and `~` are
 * compared as written, `~` read as `/root`.
 */
export function hasCacheMount(run: Pick<RunInfo, 'mounts'>, path: string): boolean {
  if (run.mounts.length === 0) return false;
  const wanted = normalize(path);
  return run.mounts.some((m) => m.type.toLowerCase() === 'cache' && m.target !== undefined && within(wanted, normalize(m.target)));
}

/**
 * Whether a cache or tmpfs mount of the RUN holds one of `dirs` (its target is the directory
 * or a parent), so what is written there never lands in the layer.
 */
export function mountsHold(run: Pick<RunInfo, 'mounts'>, dirs: readonly string[]): boolean {
  // most RUNs mount nothing (and an empty array has another elements kind: a deopt in V8's inlined some())
  if (run.mounts.length === 0) return false;
  return run.mounts.some((m) => {
    const type = m.type.toLowerCase();
    if ((type !== 'cache' && type !== 'tmpfs') || m.target === undefined) return false;
    const target = normalize(m.target);
    return dirs.some((d) => within(normalize(d), target));
  });
}

/** Whether a cache mount covers one of the manager's cache directories (or, for pip, a target ending in `.cache/pip`). */
export function hasPackageCacheMount(run: Pick<RunInfo, 'mounts'>, manager: PackageManager): boolean {
  if (run.mounts.length === 0) return false;
  const dirs = PACKAGE_CACHE_DIRS[manager] ?? [];
  if (dirs.some((d) => hasCacheMount(run, d))) return true;
  // a non-root user's HOME: accept the same cache below any home directory
  const homeRelative = dirs.filter((d) => d.startsWith('/root/')).map((d) => d.slice('/root'.length));
  return run.mounts.some((m) => m.type.toLowerCase() === 'cache' && m.target !== undefined
    && homeRelative.some((suffix) => normalize(m.target!).endsWith(suffix)));
}

/** the `--mount=type=cache,...` flag to recommend for a manager, e.g. `--mount=type=cache,target=/root/.npm` */
export function cacheMountFlag(manager: PackageManager): string | undefined {
  const dir = PACKAGE_CACHE_DIRS[manager]?.[0];
  if (dir === undefined) return undefined;
  // apt deletes downloaded archives after install unless told otherwise; sharing=locked avoids concurrent apt runs
  return manager === 'apt-get' || manager === 'apt'
    ? '--mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt/lists,sharing=locked'
    : `--mount=type=cache,target=${dir}`;
}
