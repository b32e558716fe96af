/**
 * What the fix changed inside the image, beyond its size: the installed packages (read from
 * the package database in the image's files, no container) and the behaviour of the commands
 * the user names (run in a throw-away container of each image).
 */
import { posix } from 'node:path';
import { diffFiles, type FileSelection, type ImageFiles } from '../engine/image-files.ts';
import { diffPackages, installedPackages, PACKAGE_DATABASES, type InstalledPackage } from '../engine/packages.ts';
import type { Engine } from '../engine/types.ts';
import { type FileChanges, type FileGroup, type PackageChanges, type PackageEntry, type SmokeComparison, type VerifyVariant } from './types.ts';

const entry = (p: InstalledPackage): PackageEntry => ({ name: p.name, version: p.version, sizeBytes: p.sizeBytes });

/** What verify reads of each image's files: every path, and the bytes of the package databases. */
export const INSIDE_SELECTION: FileSelection = { paths: ['/'], bodies: Object.values(PACKAGE_DATABASES).flat() };

/**
 * The packages `fixed` lacks or adds against `original`; null when neither image has a dpkg, apk
 * or rpm (SQLite or Berkeley DB) database, or when an image's database cannot be read (a diff against nothing
 * would list every package as removed or added).
 */
export function comparePackages(files: Record<VerifyVariant, ImageFiles>, failOnRemoved: readonly string[]): PackageChanges | null {
  const [original, fixed] = [installedPackages(files.original), installedPackages(files.fixed)];
  const manager = original?.manager ?? fixed?.manager;
  if (!manager || original?.unreadable || fixed?.unreadable) return null;
  const diff = diffPackages(original?.packages ?? [], fixed?.packages ?? []);
  const named = new Set(failOnRemoved);
  return {
    manager,
    removed: diff.removed.map(entry),
    added: diff.added.map(entry),
    changed: diff.changed.map(({ before, after }) => ({ name: before.name, before: before.version, after: after.version })),
    removedNamed: [...new Set(diff.removed.filter((p) => named.has(p.name)).map((p) => p.name))],
  };
}

const FOLDER_DEPTH = 3;

/** a path's folder for grouping: a directory's own path, a file's directory; its first three levels */
export function folderOf(path: string, isDirectory: boolean): string {
  const dir = isDirectory ? path : posix.dirname(path);
  return `/${dir.split('/').filter(Boolean).slice(0, FOLDER_DEPTH).join('/')}`;
}

function grouped(paths: readonly string[], files: ImageFiles): FileGroup[] {
  const groups = new Map<string, FileGroup>();
  for (const path of paths) {
    const file = files.get(path)!;
    const folder = folderOf(path, file.type === 'directory');
    let group = groups.get(folder);
    if (!group) groups.set(folder, (group = { folder, paths: 0, sizeBytes: 0 }));
    group.paths++;
    if (file.type === 'file') group.sizeBytes += file.size;
  }
  return [...groups.values()].sort((a, b) => b.sizeBytes - a.sizeBytes || b.paths - a.paths || (a.folder < b.folder ? -1 : 1));
}

/** The paths only one image has, grouped by folder, the largest first (the whole filesystems). */
export function compareFiles({ original, fixed }: Record<VerifyVariant, ImageFiles>): FileChanges {
  const differences = diffFiles(original, fixed);
  const only = (change: 'removed' | 'added') => differences.filter((d) => d.change === change).map((d) => d.path);
  return { removed: grouped(only('removed'), original), added: grouped(only('added'), fixed) };
}

/** Runs each command with `/bin/sh -c` in both images, one at a time (the machine may be busy). */
export async function runSmoke(
  engine: Engine,
  tags: Record<VerifyVariant, string>,
  commands: readonly string[],
  timeoutMs: number,
  onVariant?: (variant: VerifyVariant) => void,
): Promise<SmokeComparison[]> {
  const results: SmokeComparison[] = [];
  for (const command of commands) {
    const run = (variant: VerifyVariant) => {
      onVariant?.(variant);
      return engine.run(tags[variant], { entrypoint: ['/bin/sh', '-c'], args: [command], timeoutMs });
    };
    const original = await run('original');
    const fixed = await run('fixed');
    const differs = (['exitCode', 'stdout', 'stderr'] as const).filter((key) => original[key] !== fixed[key]);
    results.push({ command, original, fixed, differs });
  }
  return results;
}
