/**
 * The packages an image has installed, read from the package manager's own database in the
 * image's files (dpkg's status file, apk's installed database): no container, no package
 * manager needed. The rpm database (SQLite or Berkeley DB) is not read.
 */
import type { ImageFiles } from './image-files.ts';

export type PackageManager = 'dpkg' | 'apk';

export interface InstalledPackage {
  name: string;
  version: string;
  architecture: string;
  /** installed size as the database records it (dpkg counts KiB, apk bytes) */
  sizeBytes: number;
}

export interface InstalledPackages {
  manager: PackageManager;
  /** sorted by name, then architecture */
  packages: InstalledPackage[];
}

/** Where each manager keeps its database; read these paths (with their bytes) from the image. */
export const PACKAGE_DATABASES: Readonly<Record<PackageManager, string>> = {
  dpkg: '/var/lib/dpkg/status',
  apk: '/lib/apk/db/installed',
};

/** Blank-line separated stanzas of `key<sep>value` lines; continuation lines are skipped. */
function stanzas(text: string, field: RegExp): Map<string, string>[] {
  const result: Map<string, string>[] = [];
  for (const block of text.split(/\n\s*\n/)) {
    const fields = new Map<string, string>();
    for (const line of block.split('\n')) {
      const match = field.exec(line);
      // the first occurrence wins: apk repeats keys such as R: for every file
      if (match && !fields.has(match[1]!)) fields.set(match[1]!, match[2]!.trim());
    }
    if (fields.size > 0) result.push(fields);
  }
  return result;
}

function byName(a: InstalledPackage, b: InstalledPackage): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : a.architecture < b.architecture ? -1 : a.architecture > b.architecture ? 1 : 0;
}

function count(value: string | undefined, scale: number): number {
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? n * scale : 0;
}

/**
 * `/var/lib/dpkg/status`: the packages whose state (the third word of Status) is `installed`,
 * not those removed with their configuration kept (`config-files`), half-installed or unpacked.
 */
export function parseDpkgStatus(text: string): InstalledPackage[] {
  return stanzas(text, /^([A-Za-z][\w-]*):(.*)$/)
    .filter((fields) => fields.has('Package') && fields.get('Status')?.split(/\s+/)[2] === 'installed')
    .map((fields) => ({
      name: fields.get('Package')!,
      version: fields.get('Version') ?? '',
      architecture: fields.get('Architecture') ?? '',
      sizeBytes: count(fields.get('Installed-Size'), 1024),
    }))
    .sort(byName);
}

/** `/lib/apk/db/installed`: one stanza per package, single-letter keys (P name, V version, A arch, I size). */
export function parseApkInstalled(text: string): InstalledPackage[] {
  return stanzas(text, /^([A-Za-z]):(.*)$/)
    .filter((fields) => fields.has('P'))
    .map((fields) => ({
      name: fields.get('P')!,
      version: fields.get('V') ?? '',
      architecture: fields.get('A') ?? '',
      sizeBytes: count(fields.get('I'), 1),
    }))
    .sort(byName);
}

/** The installed packages of an image whose files include its package database (read with bodies), if it has one. */
export function installedPackages(files: ImageFiles): InstalledPackages | undefined {
  const dpkg = files.get(PACKAGE_DATABASES.dpkg)?.body;
  if (dpkg) return { manager: 'dpkg', packages: parseDpkgStatus(dpkg.toString('utf8')) };
  const apk = files.get(PACKAGE_DATABASES.apk)?.body;
  if (apk) return { manager: 'apk', packages: parseApkInstalled(apk.toString('utf8')) };
  return undefined;
}

export interface PackageDiff {
  removed: InstalledPackage[];
  added: InstalledPackage[];
  /** same name and architecture, another version */
  changed: { before: InstalledPackage; after: InstalledPackage }[];
}

/** What `after` installs differently from `before`. */
export function diffPackages(before: readonly InstalledPackage[], after: readonly InstalledPackage[]): PackageDiff {
  const key = (p: InstalledPackage): string => `${p.name}\0${p.architecture}`;
  const old = new Map(before.map((p) => [key(p), p]));
  const diff: PackageDiff = { removed: [], added: [], changed: [] };
  for (const p of after) {
    const previous = old.get(key(p));
    if (!previous) diff.added.push(p);
    else if (previous.version !== p.version) diff.changed.push({ before: previous, after: p });
    old.delete(key(p));
  }
  diff.removed = [...old.values()];
  return diff;
}
