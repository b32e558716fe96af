/**
 * What the fix changed inside the image, beyond its size: the installed packages (read from
 * the package database in the image's files, no container) and the behaviour of the commands
 * the user names (run in a throw-away container of each image).
 */
import { diffPackages, installedPackages, PACKAGE_DATABASES, type InstalledPackage } from '../engine/packages.ts';
import type { Engine } from '../engine/types.ts';
import { EngineReadError, type PackageChanges, type PackageEntry, type SmokeComparison, type VerifyVariant } from './types.ts';

const entry = (p: InstalledPackage): PackageEntry => ({ name: p.name, version: p.version, sizeBytes: p.sizeBytes });

/** The packages `fixed` lacks or adds against `original`; null when neither image has a dpkg or apk database. */
export async function comparePackages(engine: Engine, tags: Record<VerifyVariant, string>, failOnRemoved: readonly string[]): Promise<PackageChanges | null> {
  const read = (variant: VerifyVariant) =>
    engine.readFiles(tags[variant], { paths: Object.values(PACKAGE_DATABASES), bodies: true }).then(installedPackages, (error: unknown) => {
      throw new EngineReadError(`${engine.description} built the ${variant} image but could not read its package database: ${(error as Error).message.split('\n')[0]}`);
    });
  const [original, fixed] = [await read('original'), await read('fixed')];
  const manager = original?.manager ?? fixed?.manager;
  if (!manager) return null;
  const diff = diffPackages(original?.packages ?? [], fixed?.packages ?? []);
  const named = new Set(failOnRemoved);
  return {
    manager,
    removed: diff.removed.map(entry),
    added: diff.added.map(entry),
    removedNamed: [...new Set(diff.removed.filter((p) => named.has(p.name)).map((p) => p.name))],
  };
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
