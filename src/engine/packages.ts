/**
 * The packages an image has installed, read from the package manager's own database in the
 * image's files (dpkg's status file, apk's installed database, rpm's SQLite or Berkeley DB
 * database): no container, no package manager needed. openSUSE's ndb is not read.
 */
import type { ImageFiles } from './image-files.ts';
import { BerkeleyDbFormatError, readBerkeleyDbHash } from './berkeley-db.ts';
import { readSqliteTable, SqliteFormatError } from './sqlite.ts';

export type PackageManager = 'dpkg' | 'apk' | 'rpm';

export interface InstalledPackage {
  name: string;
  version: string;
  architecture: string;
  /** installed size as the database records it (dpkg counts KiB, apk and rpm bytes) */
  sizeBytes: number;
}

export interface InstalledPackages {
  manager: PackageManager;
  /** sorted by name, then architecture; empty when the database could not be read */
  packages: InstalledPackage[];
  /** why the database the image has could not be read (damaged, or not what its name says) */
  unreadable?: string;
}

const RPMDB_PATHS = ['/var/lib/rpm/rpmdb.sqlite', '/usr/lib/sysimage/rpm/rpmdb.sqlite'];
const WAL_SUFFIX = '-wal';
const RPMDB_BERKELEY_PATH = '/var/lib/rpm/Packages';

/**
 * The files each manager's database takes; read these paths (with their bytes) from the image.
 * rpm's is under /usr/lib/sysimage on Fedora 36+ (/var/lib/rpm a symlink to it), /var/lib/rpm
 * before, with SQLite's write-ahead log beside it; rpm 4.15 and older (CentOS 7 and 8, RHEL 8,
 * Amazon Linux 2) kept a Berkeley DB at /var/lib/rpm/Packages.
 */
export const PACKAGE_DATABASES: Readonly<Record<PackageManager, readonly string[]>> = {
  dpkg: ['/var/lib/dpkg/status'],
  apk: ['/lib/apk/db/installed'],
  rpm: [...RPMDB_PATHS.flatMap((path) => [path, `${path}${WAL_SUFFIX}`]), RPMDB_BERKELEY_PATH],
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

const RPM_TAG = { name: 1000, version: 1001, release: 1002, epoch: 1003, size: 1009, arch: 1022, longSize: 5009 } as const;
const RPM_INT32 = 4;
const RPM_INT64 = 5;
const RPM_STRING = 6;

/**
 * One rpm header as rpm's database stores it (a header without the 8-byte magic that starts one
 * in a package file): the index's entry count and the data store's size (32-bit big-endian),
 * the index entries {tag, type, offset, count} (16 bytes each), then the data store. Strings
 * end with a NUL; numbers are big-endian. Undefined when the blob is too short for what it claims.
 */
export function parseRpmHeader(blob: Buffer): InstalledPackage | undefined {
  if (blob.length < 8) return undefined;
  const entries = blob.readUInt32BE(0);
  const dataSize = blob.readUInt32BE(4);
  const store = 8 + entries * 16;
  if (store + dataSize > blob.length) return undefined;
  const found = new Map<number, { type: number; offset: number }>();
  for (let i = 0; i < entries; i++) {
    const at = 8 + i * 16;
    found.set(blob.readUInt32BE(at), { type: blob.readUInt32BE(at + 4), offset: blob.readUInt32BE(at + 8) });
  }
  const value = (tag: number): string | number | undefined => {
    const entry = found.get(tag);
    if (!entry || entry.offset >= dataSize) return undefined;
    const start = store + entry.offset;
    if (entry.type === RPM_STRING) {
      const end = blob.indexOf(0, start);
      return end < 0 || end > store + dataSize ? undefined : blob.toString('utf8', start, end);
    }
    if (entry.type === RPM_INT32 && entry.offset + 4 <= dataSize) return blob.readUInt32BE(start);
    if (entry.type === RPM_INT64 && entry.offset + 8 <= dataSize) return Number(blob.readBigUInt64BE(start));
    return undefined;
  };
  const name = value(RPM_TAG.name);
  if (typeof name !== 'string') return undefined;
  const epoch = value(RPM_TAG.epoch);
  const version = `${epoch === undefined ? '' : `${epoch}:`}${value(RPM_TAG.version) ?? ''}-${value(RPM_TAG.release) ?? ''}`;
  const arch = value(RPM_TAG.arch);
  const size = value(RPM_TAG.longSize) ?? value(RPM_TAG.size);
  return { name, version, architecture: typeof arch === 'string' ? arch : '', sizeBytes: typeof size === 'number' ? size : 0 };
}

/**
 * rpm's SQLite database (`rpmdb.sqlite`, rpm 4.16+: Fedora 33+, RHEL 9, Amazon Linux 2023) and
 * its write-ahead log: one header blob per row of table Packages (hnum INTEGER PRIMARY KEY, blob
 * BLOB). Throws `SqliteFormatError` for a damaged file; a row whose header cannot be read is skipped.
 */
export function parseRpmdbSqlite(file: Buffer, wal?: Buffer): InstalledPackage[] {
  const rows = readSqliteTable(file, 'Packages', wal);
  if (!rows) throw new SqliteFormatError('the database has no Packages table');
  return rows
    .map((row) => row.values.find((value): value is Buffer => Buffer.isBuffer(value)))
    .map((blob) => (blob ? parseRpmHeader(blob) : undefined))
    .filter((p): p is InstalledPackage => p !== undefined)
    .sort(byName);
}

/**
 * rpm's Berkeley DB database (`/var/lib/rpm/Packages`, rpm 4.15 and older), a hash database
 * whose keys are package numbers and whose values are header blobs; record 0 (rpm's next package
 * number) and any value that is not a header are skipped. Throws `BerkeleyDbFormatError` for a
 * damaged file.
 */
export function parseRpmdbBerkeley(file: Buffer): InstalledPackage[] {
  return readBerkeleyDbHash(file)
    .filter(({ key }) => key.some((byte) => byte !== 0))
    .map(({ value }) => parseRpmHeader(value))
    .filter((p): p is InstalledPackage => p !== undefined)
    .sort(byName);
}

const bodyOf = (files: ImageFiles, paths: readonly string[]): Buffer | undefined => paths.map((path) => files.get(path)?.body).find((body) => body !== undefined);

/** The installed packages of an image whose files include its package database (read with bodies), if it has one. */
export function installedPackages(files: ImageFiles): InstalledPackages | undefined {
  const dpkg = bodyOf(files, PACKAGE_DATABASES.dpkg);
  if (dpkg) return { manager: 'dpkg', packages: parseDpkgStatus(dpkg.toString('utf8')) };
  const apk = bodyOf(files, PACKAGE_DATABASES.apk);
  if (apk) return { manager: 'apk', packages: parseApkInstalled(apk.toString('utf8')) };
  const rpmPath = RPMDB_PATHS.find((path) => files.get(path)?.body);
  if (rpmPath) {
    try {
      return { manager: 'rpm', packages: parseRpmdbSqlite(files.get(rpmPath)!.body!, files.get(`${rpmPath}${WAL_SUFFIX}`)?.body) };
    } catch (error) {
      if (!(error instanceof SqliteFormatError || error instanceof RangeError)) throw error;
      return { manager: 'rpm', packages: [], unreadable: `rpmdb.sqlite: ${error.message}` };
    }
  }
  const berkeley = files.get(RPMDB_BERKELEY_PATH)?.body;
  if (berkeley) {
    try {
      return { manager: 'rpm', packages: parseRpmdbBerkeley(berkeley) };
    } catch (error) {
      if (!(error instanceof BerkeleyDbFormatError || error instanceof RangeError)) throw error;
      return { manager: 'rpm', packages: [], unreadable: `Packages: ${error.message}` };
    }
  }
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
