/**
 * verify reads rpm's SQLite database from the saved images, no container: a busybox image gets
 * the real rpm 4.18 database of test/fixtures/packages (eight packages) at /var/lib/rpm, the
 * "fix" gives it the database after `rpm -e tiny manyfiles` at Fedora 36+'s
 * /usr/lib/sysimage/rpm, /var/lib/rpm a symlink to it. An older image keeps the same eight
 * packages in rpm 4.15's Berkeley DB at /var/lib/rpm/Packages, its "fix" the erased SQLite
 * database (rpm --rebuilddb's move to SQLite). busybox has no dpkg status file, which verify
 * would read first.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyOutcome } from '../../src/verify/outcome.ts';
import { renderVerifyReport } from '../../src/verify/render.ts';
import { verify } from '../../src/verify/verify.ts';
import { usableEngine } from '../helpers/engines.ts';

const ORIGINAL = `FROM busybox
COPY rpmdb.sqlite /var/lib/rpm/rpmdb.sqlite
`;
const FIXED = `FROM busybox
COPY rpmdb-erased.sqlite /usr/lib/sysimage/rpm/rpmdb.sqlite
RUN mkdir -p /var/lib && ln -s ../../usr/lib/sysimage/rpm /var/lib/rpm
`;
const BERKELEY = `FROM busybox
COPY Packages /var/lib/rpm/Packages
`;
const REBUILT = `FROM busybox
COPY rpmdb-erased.sqlite /var/lib/rpm/rpmdb.sqlite
`;
const DAMAGED = `FROM busybox
RUN mkdir -p /var/lib/rpm && echo 'SQLite format 3' > /var/lib/rpm/rpmdb.sqlite
`;

const dir = mkdtempSync(join(tmpdir(), 'verify-rpm-'));
const fixture = (name: string): Buffer => gunzipSync(readFileSync(fileURLToPath(new URL(`../fixtures/packages/${name}.gz`, import.meta.url))));
for (const name of ['rpmdb.sqlite', 'rpmdb-erased.sqlite']) writeFileSync(join(dir, name), fixture(name));
writeFileSync(join(dir, 'Packages'), fixture('rpmdb-Packages'));
writeFileSync(join(dir, 'Dockerfile'), ORIGINAL);
writeFileSync(join(dir, 'Dockerfile.berkeley'), BERKELEY);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

for (const name of ['docker', 'buildah'] as const) {
  const { engine } = await usableEngine(name, ['busybox'], 'verify reads the rpm database');

  describe.skipIf(!engine)(`verify reads rpm's SQLite database with ${name}`, () => {
    it('lists the rpm packages the fix removed, with [epoch:]version-release and SIZE, and fails on a named one', async () => {
      const report = await verify(
        { dockerfile: join(dir, 'Dockerfile'), engineInstance: engine!, cacheCheck: false, failOnRemoved: ['tiny'] },
        () => ({ output: FIXED, fixesApplied: [] }),
      );
      expect(report.fixed.built, report.fixed.logFile).toBe(true);
      expect(report.packages).toEqual({
        manager: 'rpm',
        removed: [{ name: 'manyfiles', version: '0.9-1', sizeBytes: 3000 }, { name: 'tiny', version: '1.0-1', sizeBytes: 1234 }],
        added: [],
        changed: [],
        removedNamed: ['tiny'],
      });
      expect(verifyOutcome(report).message).toContain('the fix removes package tiny (--fail-on-removed)');
      expect(renderVerifyReport(report)).toMatch(/rpm packages the fix removes: 2 \(4\.23 kB installed\)\n  manyfiles\s+0\.9-1\s+3\.00 kB\s*\n  tiny\s+1\.0-1\s+1\.23 kB\s+\(--fail-on-removed\)\n/);
    }, 300_000);

    it("reads rpm 4.15's Berkeley DB at /var/lib/rpm/Packages against the SQLite database", async () => {
      const report = await verify(
        { dockerfile: join(dir, 'Dockerfile.berkeley'), engineInstance: engine!, cacheCheck: false },
        () => ({ output: REBUILT, fixesApplied: [] }),
      );
      expect(report.original.built, report.original.logFile).toBe(true);
      expect(report.fixed.built, report.fixed.logFile).toBe(true);
      expect(report.packages?.manager).toBe('rpm');
      expect(report.packages?.removed.map((p) => p.name)).toEqual(['manyfiles', 'tiny']);
      expect(report.packages?.added).toEqual([]);
      expect(report.packages?.changed).toEqual([]);
    }, 300_000);

    it('an rpmdb.sqlite that cannot be read gives packages: null, not every package removed', async () => {
      const report = await verify(
        { dockerfile: join(dir, 'Dockerfile'), engineInstance: engine!, cacheCheck: false },
        () => ({ output: DAMAGED, fixesApplied: [] }),
      );
      expect(report.fixed.built, report.fixed.logFile).toBe(true);
      expect(report.packages).toBeNull();
    }, 300_000);
  });
}
