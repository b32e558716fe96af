import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ImageFile } from '../../src/engine/image-files.ts';
import { diffPackages, installedPackages, parseApkInstalled, parseDpkgStatus, PACKAGE_DATABASES } from '../../src/engine/packages.ts';

const recorded = (name: string): string => readFileSync(fileURLToPath(new URL(`../fixtures/packages/${name}`, import.meta.url)), 'utf8');

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
    const file = (path: string, text: string): [string, ImageFile] => [path, { path, type: 'file', mode: 0o644, uid: 0, gid: 0, size: text.length, body: Buffer.from(text) }];
    expect(installedPackages(new Map([file(PACKAGE_DATABASES.apk, recorded('apk-installed'))]))?.manager).toBe('apk');
    expect(installedPackages(new Map([file(PACKAGE_DATABASES.dpkg, recorded('dpkg-status'))]))?.packages).toHaveLength(6);
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
