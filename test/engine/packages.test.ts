import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { ImageFile } from '../../src/engine/image-files.ts';
import { diffPackages, installedPackages, parseApkInstalled, parseDpkgStatus, parseRpmdbBerkeley, parseRpmdbSqlite, PACKAGE_DATABASES } from '../../src/engine/packages.ts';
import { SqliteFormatError } from '../../src/engine/sqlite.ts';
import { expectReadOrRefused } from '../helpers/damage.ts';

const fixture = (name: string): Buffer => readFileSync(fileURLToPath(new URL(`../fixtures/packages/${name}`, import.meta.url)));
const recorded = (name: string): string => fixture(name).toString('utf8');
const rpmdb = (): Buffer => gunzipSync(fixture('rpmdb.sqlite.gz'));
const file = (path: string, body: Buffer | string): [string, ImageFile] => [path, { path, type: 'file', mode: 0o644, uid: 0, gid: 0, size: body.length, body: Buffer.from(body) }];

describe('installed packages from recorded databases', () => {
  it('dpkg: installed packages only, Installed-Size in KiB, multi-arch kept apart by architecture', () => {
    const packages = parseDpkgStatus(recorded('dpkg-status'));
    // ca-certificates was removed with its configuration kept: not installed
    expect(packages.map((p) => p.name)).toEqual(['base-files', 'curl', 'libc6', 'libcurl4', 'tzdata', 'zlib1g']);
    expect(packages.find((p) => p.name === 'curl')).toEqual({ name: 'curl', version: '7.88.1-10+deb12u15', architecture: 'amd64', sizeBytes: 489 * 1024 });
    expect(packages.find((p) => p.name === 'zlib1g')!.version).toBe('1:1.2.13.dfsg-1');
  });

  it('dpkg: half-installed and unpacked packages are not installed', () => {
    const text = 'Package: a\nStatus: install ok half-installed\nVersion: 1\n\nPackage: b\nStatus: install ok unpacked\nVersion: 1\n\nPackage: c\nStatus: hold ok installed\nVersion: 2\nDescription: two\n lines\n';
    expect(parseDpkgStatus(text).map((p) => `${p.name} ${p.version}`)).toEqual(['c 2']);
  });

  it('apk: P/V/A/I of each stanza (I in bytes), the first of repeated keys', () => {
    const packages = parseApkInstalled(recorded('apk-installed'));
    expect(packages.map((p) => `${p.name} ${p.version} ${p.architecture} ${p.sizeBytes}`)).toEqual([
      'libc-utils 0.7.2-r3 armv7 4096',
      'libgcc 10.3.1_git20210424-r2 armv7 49152',
      'musl 1.2.2-r3 armv7 516096',
      'zlib 1.2.11-r3 armv7 77824',
    ]);
  });

  it('installedPackages picks the database the image has', () => {
    expect(installedPackages(new Map([file(PACKAGE_DATABASES.apk[0]!, recorded('apk-installed'))]))?.manager).toBe('apk');
    expect(installedPackages(new Map([file(PACKAGE_DATABASES.dpkg[0]!, recorded('dpkg-status'))]))?.packages).toHaveLength(6);
    // Fedora 36+ keeps it under /usr/lib/sysimage, /var/lib/rpm being a symlink to it
    const rpm = installedPackages(new Map([file('/usr/lib/sysimage/rpm/rpmdb.sqlite', rpmdb())]));
    expect(rpm?.manager).toBe('rpm');
    expect(rpm?.packages).toHaveLength(8);
    expect(installedPackages(new Map())).toBeUndefined();
  });

  it('diffPackages: removed, added and version changes', () => {
    const before = parseDpkgStatus(recorded('dpkg-status'));
    const after = before
      .filter((p) => p.name !== 'curl')
      .map((p) => (p.name === 'tzdata' ? { ...p, version: '2027a-0' } : p))
      .concat({ name: 'wget', version: '1.21.3-1+b2', architecture: 'amd64', sizeBytes: 3000 * 1024 });
    const diff = diffPackages(before, after);
    expect(diff.removed.map((p) => p.name)).toEqual(['curl']);
    expect(diff.added.map((p) => p.name)).toEqual(['wget']);
    expect(diff.changed.map((c) => `${c.before.name} ${c.before.version} -> ${c.after.version}`)).toEqual(['tzdata 2026b-0+deb12u1 -> 2027a-0']);
  });
});

// what rpm printed for both fixtures: sqlite with --dbpath, Berkeley DB with --define '_db_backend bdb_ro'
// rpm --dbpath ... -qa --qf '%{NAME} %{EPOCH} %{VERSION} %{RELEASE} %{ARCH} %{SIZE}\n' | sort
const rpmOracle = [
  'epoched 2 3.4.5 6.fc99 noarch 2000',
  'manyfiles (none) 0.9 1 noarch 3000',
  'small-a (none) 1.a 1 noarch 100',
  'small-b (none) 1.b 1 noarch 100',
  'small-c (none) 1.c 1 noarch 100',
  'small-d (none) 1.d 1 noarch 100',
  'small-e (none) 1.e 1 noarch 100',
  'tiny (none) 1.0 1 noarch 1234',
].map((line) => {
  const [name, epoch, version, release, architecture, size] = line.split(' ');
  return { name, version: `${epoch === '(none)' ? '' : `${epoch}:`}${version}-${release}`, architecture, sizeBytes: Number(size) };
});

describe("rpm's SQLite database", () => {
  it('reads every package as rpm -qa prints it: [epoch:]version-release, arch, SIZE in bytes', () => {
    expect(parseRpmdbSqlite(rpmdb())).toEqual(rpmOracle);
  });

  it('reads the database after rpm -e, its freed pages on the freelist', () => {
    const erased = parseRpmdbSqlite(gunzipSync(fixture('rpmdb-erased.sqlite.gz')));
    expect(erased.map((p) => `${p.name} ${p.version}`)).toEqual(['epoched 2:3.4.5-6.fc99', 'small-a 1.a-1', 'small-b 1.b-1', 'small-c 1.c-1', 'small-d 1.d-1', 'small-e 1.e-1']);
    expect(diffPackages(parseRpmdbSqlite(rpmdb()), erased).removed.map((p) => p.name)).toEqual(['manyfiles', 'tiny']);
  });

  it('applies the committed transactions of the write-ahead log, as rpm does, and only those', () => {
    // sqlite3 with wal_autocheckpoint=0: DELETE FROM Packages WHERE hnum IN (1, 7), files copied
    // before it closed; rpm -qa on the copy: epoched and small-a..e (manyfiles and tiny gone)
    const wal = gunzipSync(fixture('rpmdb.sqlite-wal.gz'));
    const expected = ['epoched', 'small-a', 'small-b', 'small-c', 'small-d', 'small-e'];
    expect(parseRpmdbSqlite(rpmdb(), wal).map((p) => p.name)).toEqual(expected);
    const image = new Map([file('/var/lib/rpm/rpmdb.sqlite', rpmdb()), file('/var/lib/rpm/rpmdb.sqlite-wal', wal)]);
    expect(installedPackages(image)?.packages.map((p) => p.name)).toEqual(expected);
    // a frame whose checksum fails ends the log before the commit: the main file's eight
    const damaged = Buffer.from(wal);
    damaged[32 + 2 * (24 + 4096) + 24 + 100]! ^= 1;
    expect(parseRpmdbSqlite(rpmdb(), damaged)).toHaveLength(8);
    // an empty log (rpm checkpoints it on close) or one of another page size changes nothing
    expect(parseRpmdbSqlite(rpmdb(), Buffer.alloc(0))).toHaveLength(8);
    const otherSize = Buffer.from(wal);
    otherSize.writeUInt32BE(512, 8);
    expect(parseRpmdbSqlite(rpmdb(), otherSize)).toHaveLength(8);
  });

  it('a truncated, garbage or looping database throws SqliteFormatError and gives packages: null, not a crash', () => {
    const good = rpmdb();
    const broken: Buffer[] = [
      good.subarray(0, 50),
      good.subarray(0, 3 * 4096),
      Buffer.concat([good.subarray(0, 100), Buffer.alloc(8192, 0xa5)]),
      Buffer.from('not a database at all'),
    ];
    // the Packages root (page 2) is an interior page: point its right-most child at itself
    const cycle = Buffer.from(good);
    expect(cycle[4096]).toBe(0x05);
    cycle.writeUInt32BE(2, 4096 + 8);
    broken.push(cycle);
    for (const body of broken) {
      expect(() => parseRpmdbSqlite(body)).toThrow(SqliteFormatError);
      const image = new Map([file(PACKAGE_DATABASES.rpm[0]!, body)]);
      expect(installedPackages(image)?.unreadable).toMatch(/^rpmdb\.sqlite: /);
    }
  });

  it('survives any byte of the database damaged: packages or SqliteFormatError, nothing else', () => {
    const good = rpmdb();
    // four bytes in the page header and cell pointers of random pages, where damage misleads the walk
    const damage = (copy: Buffer, random: (n: number) => number) => {
      for (let i = 0; i < 4; i++) copy[random(good.length / 4096) * 4096 + (random(2) ? 100 : 0) + random(24)] = random(256);
    };
    const random = expectReadOrRefused(good, damage, parseRpmdbSqlite, SqliteFormatError);

    // a damaged or cut log: its one transaction applies whole (6 packages) or not at all (8)
    const wal = gunzipSync(fixture('rpmdb.sqlite-wal.gz'));
    for (let round = 0; round < 100; round++) {
      const damaged = Buffer.from(wal);
      damaged[random(wal.length)]! ^= 1 + random(255);
      expect(parseRpmdbSqlite(good, damaged.subarray(0, random(2) ? wal.length : random(wal.length)))).toHaveLength(8);
      expect([6, 8]).toContain(parseRpmdbSqlite(good, wal.subarray(0, random(wal.length + 1))).length);
    }
  });
});

describe("rpm's Berkeley DB database (rpm 4.15 and older)", () => {
  const packages = (name: string): Buffer => gunzipSync(fixture(name));

  it('reads every package as rpm -qa (bdb_ro) prints it, in either byte order, record 0 skipped', () => {
    expect(parseRpmdbBerkeley(packages('rpmdb-Packages.gz'))).toEqual(rpmOracle);
    expect(parseRpmdbBerkeley(packages('rpmdb-Packages-be.gz'))).toEqual(rpmOracle);
  });

  it('finds each bucket through the spares table after the hash table has doubled', () => {
    // fill factor 1: eight buckets over four doublings, bucket pages between overflow pages
    const split = packages('rpmdb-Packages-split.gz');
    expect(split.readUInt32LE(72)).toBe(7);
    expect(parseRpmdbBerkeley(split)).toEqual(rpmOracle);
  });

  it('is read at /var/lib/rpm/Packages when the image has no rpmdb.sqlite', () => {
    expect(PACKAGE_DATABASES.rpm).toContain('/var/lib/rpm/Packages');
    const image = new Map([file('/var/lib/rpm/Packages', packages('rpmdb-Packages.gz'))]);
    expect(installedPackages(image)).toEqual({ manager: 'rpm', packages: rpmOracle });
    // after rpm --rebuilddb to SQLite the old file may stay behind: the SQLite database is rpm's
    const erased = gunzipSync(fixture('rpmdb-erased.sqlite.gz'));
    const both = new Map([file('/var/lib/rpm/Packages', packages('rpmdb-Packages.gz')), file('/var/lib/rpm/rpmdb.sqlite', erased)]);
    expect(installedPackages(both)?.packages).toEqual(parseRpmdbSqlite(erased));
  });

  it('a truncated or garbage file is unreadable (packages: null), not a crash', () => {
    const good = packages('rpmdb-Packages.gz');
    for (const body of [good.subarray(0, 4 * 4096), Buffer.alloc(8192, 0xa5), rpmdb()]) {
      expect(installedPackages(new Map([file('/var/lib/rpm/Packages', body)]))).toEqual({ manager: 'rpm', packages: [], unreadable: expect.stringMatching(/^Packages: /) });
    }
  });
});
