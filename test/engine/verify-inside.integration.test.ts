/**
 * verify looks inside both images: the packages the fix removed or added (read from the
 * package database in the image's files), the paths only one image has, and --smoke
 * commands run in each image. Driven with
 * two hand-written busybox Dockerfiles (the "fix" swaps one for the other) whose dpkg status
 * file is written by the build, so no apt mirror is needed; the apt fixture's real run is in
 * docs/verify.md.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyOutcome } from '../../src/verify/outcome.ts';
import { renderVerifyReport } from '../../src/verify/render.ts';
import { verify } from '../../src/verify/verify.ts';
import { usableEngine } from '../helpers/engines.ts';

const status = (packages: [string, string, number][]): string =>
  packages.map(([name, version, kib]) => `Package: ${name}\\nStatus: install ok installed\\nVersion: ${version}\\nArchitecture: all\\nInstalled-Size: ${kib}\\n`).join('\\n');

const ORIGINAL = `FROM busybox
RUN mkdir -p /var/lib/dpkg /etc/ssl/certs && printf '${status([['certs', '2.0', 300], ['tool', '1.0', 12]])}' > /var/lib/dpkg/status && echo cert > /etc/ssl/certs/ca-certificates.crt
USER 1234
`;
const FIXED = `FROM busybox
RUN mkdir -p /var/lib/dpkg && printf '${status([['extra', '0.1', 1], ['tool', '1.1', 12]])}' > /var/lib/dpkg/status && mkdir -p /opt/extra/bin && echo extra > /opt/extra/bin/tool
USER 1234
`;

const SMOKE = ['test -f /etc/ssl/certs/ca-certificates.crt', 'id -u', 'ls /sys/class/net', 'sleep 30'];

const dir = mkdtempSync(join(tmpdir(), 'verify-inside-'));
writeFileSync(join(dir, 'Dockerfile'), ORIGINAL);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

for (const name of ['docker', 'buildah'] as const) {
  const { engine } = await usableEngine(name, ['busybox'], 'verify inside the images');

  describe.skipIf(!engine)(`verify inside the images with ${name}`, () => {
    it('lists the packages the fix removed and added, fails on a named one, and runs the smoke commands in both images', async () => {
      const report = await verify(
        { dockerfile: join(dir, 'Dockerfile'), engineInstance: engine!, cacheCheck: false, failOnRemoved: ['certs', 'not-installed'], smoke: SMOKE, smokeTimeoutMs: 3_000 },
        () => ({ output: FIXED, fixesApplied: [{ ruleId: 'apt-no-install-recommends', line: 2 }] }),
      );
      expect(report.fixed.built, report.fixed.logFile).toBe(true);
      expect(report.packages).toEqual({
        manager: 'dpkg',
        removed: [{ name: 'certs', version: '2.0', sizeBytes: 300 * 1024 }],
        added: [{ name: 'extra', version: '0.1', sizeBytes: 1024 }],
        changed: [{ name: 'tool', before: '1.0', after: '1.1' }],
        removedNamed: ['certs'],
      });

      // by folder, the largest first (then by paths, then by name), the files' bytes counted; /var/lib/dpkg/status is in both (changed, not listed)
      expect(report.files!.removed).toEqual([{ folder: '/etc/ssl/certs', paths: 2, sizeBytes: 5 }, { folder: '/etc/ssl', paths: 1, sizeBytes: 0 }]);
      expect(report.files!.added).toEqual([
        { folder: '/opt/extra/bin', paths: 2, sizeBytes: 6 },
        { folder: '/opt', paths: 1, sizeBytes: 0 },
        { folder: '/opt/extra', paths: 1, sizeBytes: 0 },
      ]);

      const [certs, user, network, sleep] = report.smoke!;
      expect(certs).toMatchObject({ original: { exitCode: 0 }, fixed: { exitCode: 1 }, differs: ['exitCode'] });
      // the image's USER, no network but loopback
      expect(user).toMatchObject({ original: { exitCode: 0, stdout: '1234\n' }, differs: [] });
      expect(network).toMatchObject({ original: { exitCode: 0, stdout: 'lo\n' }, differs: [] });
      // the time limit stops the container (a shell as PID 1 ignores docker's SIGTERM)
      expect(sleep!.original.exitCode).toBe(-1);
      expect(sleep!.fixed.stderr).toMatch(/timed out after 3 s/);

      const outcome = verifyOutcome(report);
      expect(outcome.exitCode).toBe(1);
      expect(outcome.message).toContain('the fix removes package certs (--fail-on-removed)');
      expect(outcome.message).toContain('smoke command `test -f /etc/ssl/certs/ca-certificates.crt` behaves differently (exit 0 became 1)');
      const text = renderVerifyReport(report);
      expect(text).toMatch(/dpkg packages the fix removes: 1 \(307 kB installed\)\n  certs\s+2\.0\s+307 kB\s+\(--fail-on-removed\)/);
      expect(text).toMatch(/dpkg packages the fix adds: 1 \(1\.02 kB installed\)\n  extra\s+0\.1\s+1\.02 kB\ndpkg packages in another version: 1\n  tool  1\.0  ->  1\.1\n/);
      expect(text).toContain('  DIFFERS   test -f /etc/ssl/certs/ca-certificates.crt\n    original: exit 0\n    fixed: exit 1');
      expect(text).toContain('  same      id -u  (exit 0)');
      expect(text).toMatch(/files only in the original: 3 paths \(5 B\)\n  \/etc\/ssl\/certs\s+2 paths\s+5 B\n  \/etc\/ssl\s+1 path\s+0 B\n/);
    }, 300_000);

    it('a fix that changes nothing inside: no package changes, smoke the same, exit 0', async () => {
      const report = await verify(
        { dockerfile: join(dir, 'Dockerfile'), engineInstance: engine!, cacheCheck: false, failOnRemoved: ['certs'], smoke: ['cat /var/lib/dpkg/status'] },
        (text) => ({ output: text, fixesApplied: [] }),
      );
      expect(report.packages).toEqual({ manager: 'dpkg', removed: [], added: [], changed: [], removedNamed: [] });
      expect(report.smoke![0]!.differs).toEqual([]);
      expect(report.files).toEqual({ removed: [], added: [] });
      expect(verifyOutcome(report).exitCode).toBe(0);
      expect(renderVerifyReport(report)).toContain('dpkg packages: the same in both images');
    }, 300_000);
  });
}
