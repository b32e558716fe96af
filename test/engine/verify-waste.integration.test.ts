/**
 * Wasted bytes through the CLI, as users see them: `verify --format json` and `--format sarif`
 * on merge-cleanup (an 8 MiB blob written on line 3, deleted on line 4). Its fix is off in the
 * recommended preset, so nothing is fixed here; the waste is measured in both (identical)
 * images and explained by cleanup-in-separate-layer all the same. Docker and Buildah; each is
 * skipped, saying why, where it is not usable.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { VerifyReport } from '../../src/verify/types.ts';
import { runCli } from '../cli/run-cli.ts';
import { usableEngine } from '../helpers/engines.ts';

const fixture = fileURLToPath(new URL('../fixtures/verify/merge-cleanup/', import.meta.url));
const MiB = 1024 * 1024;

for (const name of ['docker', 'buildah'] as const) {
  const { engine } = await usableEngine(name, ['busybox'], 'verify wasted bytes');

  describe.skipIf(!engine)(`verify reports wasted bytes per line with ${name}`, () => {
    const args = (format: string) => ['verify', 'before.Dockerfile', '--context', 'context', '--engine', name, '--format', format];

    it('JSON: the pair of lines, the efficiency and the finding that explains them with its fix', async () => {
      const run = await runCli(args('json'), fixture);
      expect(run.code, run.stderr).toBe(0);
      const report = JSON.parse(run.stdout) as VerifyReport;
      expect(report.fixesApplied).toEqual([]);
      for (const image of [report.original, report.fixed]) {
        const waste = image.waste!;
        expect(waste.rows[0]).toMatchObject({ writtenLine: 3, removedLine: 4, removedInstruction: 'RUN rm /blob.bin', files: 1, sizeBytes: 8 * MiB, deletedBytes: 8 * MiB, overwrittenBytes: 0 });
        expect(waste.rows[0]!.explainedBy).toEqual([
          expect.objectContaining({ ruleId: 'cleanup-in-separate-layer', line: 4, fix: { description: expect.any(String), safety: 'unsafe' } }),
        ]);
        expect(waste.wastedBytes).toBe(waste.rows.reduce((sum, row) => sum + row.sizeBytes, 0));
        expect(waste.efficiency).toBeCloseTo(1 - waste.wastedBytes / waste.totalBytes, 10);
        expect(waste.efficiency).toBeLessThan(0.25);
      }
    }, 600_000);

    it('SARIF: a note at the removing line under cleanup-in-separate-layer', async () => {
      const run = await runCli(args('sarif'), fixture);
      expect(run.code, run.stderr).toBe(0);
      const sarif = JSON.parse(run.stdout);
      const [result] = sarif.runs[0].results.filter((r: { properties?: { waste?: unknown } }) => r.properties?.waste);
      expect(result).toMatchObject({ ruleId: 'cleanup-in-separate-layer', level: 'note' });
      expect(result.locations[0].physicalLocation.region.startLine).toBe(4);
      expect(result.message.text).toMatch(/^8\.39 MB in 1 file written by line 3, deleted by line 4: still stored and pulled with the image/);
      expect(sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(['cleanup-in-separate-layer']);
    }, 600_000);
  });
}
