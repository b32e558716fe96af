import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { fixWithRules, lintForWaste } from './fixture-fixer.ts';
import { runCommand } from '../../src/engine/process.ts';
import type { Engine } from '../../src/engine/types.ts';
import { verifyOutcome } from '../../src/verify/outcome.ts';
import { verify } from '../../src/verify/verify.ts';
import type { VerifyReport } from '../../src/verify/types.ts';
import { debianMirrorUnreachable, ENGINES, parseListedSize, usableEngine } from '../helpers/engines.ts';

/**
 * Builds the six fixture pairs in test/fixtures/verify with every engine usable here
 * (run scripts/start-engine.sh first); an engine that does not answer, or lacks the base
 * images, is skipped, saying why.
 */
const fixtures = fileURLToPath(new URL('../fixtures/verify/', import.meta.url));
const MiB = 1024 * 1024;

const aptUnavailable = await debianMirrorUnreachable();
if (aptUnavailable) console.warn(`[verify integration] skipping the apt fixture: ${aptUnavailable}`);

/** The engine's own idea of the image size, asked independently of verify's parsing. */
async function engineReportedSize(engine: Engine, tag: string): Promise<{ bytes: number; exact: boolean }> {
  if (engine.name === 'docker') {
    // `docker` on PATH reaches the same daemon as the CLI verify chose
    const result = await runCommand('docker', ['image', 'inspect', '--format', '{{.Size}}', tag]);
    expect(result.code, result.stderr).toBe(0);
    return { bytes: Number(result.stdout.trim()), exact: true };
  }
  const result = await runCommand(engine.name, ['images', '--format', '{{.Size}}', tag]);
  expect(result.code, result.stderr).toBe(0);
  return { bytes: parseListedSize(result.stdout), exact: false };
}

interface Case {
  name: string;
  /** the fixes our fixer applies to before.Dockerfile (only these rules run) */
  fixes: { ruleId: string; line: number }[];
  /** the base image before.Dockerfile builds FROM */
  image: string;
  /** why the case cannot run here, whatever the engine */
  skip?: string;
  /** the engines it runs with, when not all */
  engines?: readonly string[];
  check: (report: VerifyReport) => void;
}

const cases: Case[] = [
  {
    name: 'apt',
    fixes: [
      { ruleId: 'apt-no-install-recommends', line: 2 },
      { ruleId: 'apt-lists-not-removed', line: 2 },
    ],
    image: 'debian:bookworm',
    skip: aptUnavailable,
    // a minute of apt-get per engine: Podman builds with Buildah's code, which this case runs with
    engines: ['docker', 'buildah'],
    check: (report) => {
      // the package lists and the recommends but ca-certificates (kept by the fix: curl relies on it): tens of MB
      expect(report.delta.sizeBytes!).toBeLessThan(-10 * 1e6);
      expect(report.delta.compressedBytes!).toBeLessThan(0);
      expect(report.fixed.rebuild!.stepsRun).toBe(0); // no COPY: a source edit re-runs nothing
      // the recommends go (publicsuffix among them), ca-certificates stays; the lists are most of the files
      const removed = report.packages!.removed.map((p) => p.name);
      expect(report.packages!.manager).toBe('dpkg');
      expect(removed).toContain('publicsuffix');
      expect(removed).not.toContain('ca-certificates');
      expect(report.packages!.added).toEqual([]);
      expect(report.files!.removed[0]!.folder).toBe('/var/lib/apt');
      expect(report.files!.added).toEqual([]);
    },
  },
  {
    name: 'merge-cleanup',
    image: 'busybox',
    fixes: [{ ruleId: 'cleanup-in-separate-layer', line: 4 }],
    check: (report) => {
      // busybox has no package database; the blob was deleted in both images' filesystems
      expect(report.packages).toBeNull();
      expect(report.files).toEqual({ removed: [], added: [] });
      // the 8 MiB random blob is gone; whiteouts and tar headers cost a few kB at most
      expect(Math.abs(report.delta.sizeBytes! + 8 * MiB)).toBeLessThan(16 * 1024);
      expect(report.delta.compressedBytes!).toBeLessThan(-8 * 1e6);
      expect(report.delta.layers).toBe(-1);
      // the blob line 3 wrote and line 4 deleted, explained by the finding the fix acted on; nothing left after the merge
      const blob = report.original.waste!.rows.find((row) => row.writtenLine === 3)!;
      expect(blob).toMatchObject({ removedLine: 4, files: 1, sizeBytes: 8 * MiB, deletedBytes: 8 * MiB, folders: [{ folder: '/', sizeBytes: 8 * MiB }] });
      expect(blob.explainedBy.map((e) => [e.ruleId, e.line, e.fix?.safety])).toEqual([['cleanup-in-separate-layer', 4, 'unsafe']]);
      expect(report.original.waste!.efficiency).toBeLessThan(0.25);
      expect(report.fixed.waste!.rows.filter((row) => row.sizeBytes > 4096)).toEqual([]);
    },
  },
  {
    name: 'copy-rm-bind-mount',
    image: 'busybox',
    fixes: [{ ruleId: 'cleanup-in-separate-layer', line: 3 }],
    check: (report) => {
      expect(Math.abs(report.delta.sizeBytes! + 512 * 1024)).toBeLessThan(16 * 1024);
      expect(report.delta.compressedBytes!).toBeLessThan(-500 * 1024);
    },
  },
  {
    name: 'copy-rm-later-run',
    image: 'busybox',
    fixes: [{ ruleId: 'cleanup-in-separate-layer', line: 4 }],
    check: (report) => {
      // the 520 KiB tar is in no layer, and the RUN that only removed it is gone
      expect(Math.abs(report.delta.sizeBytes! + 520 * 1024)).toBeLessThan(16 * 1024);
      expect(report.delta.compressedBytes!).toBeLessThan(-500 * 1024);
      expect(report.delta.layers).toBe(-2);
      // the tar COPY wrote on line 2 and line 4 deleted; the bind mount never writes it
      const tar = report.original.waste!.rows.find((row) => row.writtenLine === 2)!;
      expect(tar).toMatchObject({ removedLine: 4, files: 1, sizeBytes: 520 * 1024, folders: [{ folder: '/tmp', sizeBytes: 520 * 1024 }] });
      expect(tar.explainedBy.map((e) => e.ruleId)).toContain('cleanup-in-separate-layer');
      expect(report.fixed.waste!.rows.filter((row) => row.sizeBytes > 4096)).toEqual([]);
    },
  },
  {
    name: 'cache-order-npm',
    image: 'busybox',
    fixes: [{ ruleId: 'cache-busting-copy', line: 5 }],
    check: (report) => {
      // before: the source edit invalidates COPY . . and npm ci; after: only COPY . .
      expect(report.editedFile).toBe('server.sh');
      expect(report.original.rebuild).toMatchObject({ stepsRun: 2, stepsTotal: 4 });
      expect(report.fixed.rebuild).toMatchObject({ stepsRun: 1, stepsTotal: 5 });
      // fewer steps re-run is the saving; its seconds depend on the machine's load, not on the fix
      expect(report.delta.rebuildStepsRun).toBe(-1);
    },
  },
  {
    name: 'cache-order-pip',
    image: 'busybox',
    fixes: [{ ruleId: 'cache-busting-copy', line: 5 }],
    check: (report) => {
      expect(report.editedFile).toBe('app.py');
      expect(report.original.rebuild).toMatchObject({ stepsRun: 2, stepsTotal: 4 });
      expect(report.fixed.rebuild).toMatchObject({ stepsRun: 1, stepsTotal: 5 });
      expect(report.delta.rebuildStepsRun).toBe(-1);
    },
  },
];

for (const engineName of ENGINES) {
  const { engine } = await usableEngine(engineName, ['busybox'], 'verify integration');
  // a case whose base image the engine lacks skips on its own
  const imageMissing = new Set<string>();
  for (const image of engine ? new Set(cases.map((c) => c.image)) : []) {
    if ((await usableEngine(engineName, [image], `verify integration, FROM ${image}`)).reason !== undefined) imageMissing.add(image);
  }

  describe.skipIf(!engine)(`verify with ${engineName}`, () => {
    const keptTags: string[] = [];
    afterAll(async () => {
      await engine!.removeImages(keptTags);
    });

    for (const fixture of cases) {
      it.skipIf(fixture.skip !== undefined || imageMissing.has(fixture.image) || (fixture.engines !== undefined && !fixture.engines.includes(engineName)))(`${fixture.name}: the fixed image builds and the delta has the right sign and size`, async () => {
        const dir = `${fixtures}${fixture.name}`;
        const rules = [...new Set(fixture.fixes.map((f) => f.ruleId))];
        // the real fixer makes the fixed Dockerfile; after.Dockerfile is its expected output
        const fixer = (text: string) => fixWithRules(text, rules, `${dir}/context`);
        expect(fixer(readFileSync(`${dir}/before.Dockerfile`, 'utf8')).output).toBe(readFileSync(`${dir}/after.Dockerfile`, 'utf8'));
        // each image is exported once: size, layers, packages and files come from one scan
        const scans: string[] = [];
        const counting = new Proxy(engine!, {
          get: (target, key) => {
            const value = Reflect.get(target, key, target) as unknown;
            if (typeof value !== 'function') return value;
            if (key === 'scanImage' || key === 'readFiles') return (tag: string, ...rest: unknown[]) => (scans.push(`${String(key)} ${tag}`), value.call(target, tag, ...rest));
            return value.bind(target);
          },
        });
        const report = await verify(
          { dockerfile: `${dir}/before.Dockerfile`, context: `${dir}/context`, engineInstance: counting, keepImages: true, lint: (text) => lintForWaste(text, `${dir}/context`) },
          fixer,
        );
        expect(scans).toEqual([`scanImage ${report.original.image}`, `scanImage ${report.fixed.image}`]);
        keptTags.push(...[report.original.image, report.fixed.image].filter((tag): tag is string => tag !== null));
        expect(report.original.built, report.original.logFile).toBe(true);
        expect(report.fixed.built, report.fixed.logFile).toBe(true);
        expect(verifyOutcome(report).exitCode).toBe(0);
        expect(report.fixesApplied).toEqual(fixture.fixes);

        for (const variant of [report.original, report.fixed]) {
          // verify's numbers are the engine's own
          const own = await engineReportedSize(engine!, variant.image!);
          if (own.exact) expect(variant.sizeBytes).toBe(own.bytes);
          else expect(Math.abs(variant.sizeBytes! - own.bytes) / own.bytes).toBeLessThan(0.01);
          // every byte is attributed to a line
          const attributed = variant.layers.reduce((sum, layer) => sum + layer.sizeBytes, 0);
          // podman's history sizes miss a few kB of tar padding per image against its own total
          if (engineName === 'podman') expect(Math.abs(attributed - variant.sizeBytes!)).toBeLessThan(64 * 1024);
          else expect(attributed).toBe(variant.sizeBytes);
          expect(variant.layers[0]!.instruction).toMatch(/^FROM /);
          expect(variant.compressedBytes!).toBeGreaterThan(0);
          expect(variant.compressedBytes!).toBeLessThanOrEqual(variant.sizeBytes! * 1.01 + 64 * 1024);
          expect(variant.rebuild).not.toBeNull();
          // every layer was listed: what they write is at least the image's files, and the waste is part of it
          expect(variant.waste!.totalBytes).toBeGreaterThan(0);
          expect(variant.waste!.wastedBytes).toBeLessThanOrEqual(variant.waste!.totalBytes);
        }
        fixture.check(report);
      }, 600_000);
    }
  });
}
