import { describe, expect, it } from 'vitest';
import { NoEngineError } from '../../src/engine/types.ts';
import { sizeAllowance, verifyErrorOutcome, verifyOutcome } from '../../src/verify/outcome.ts';
import { formatBytes, renderVerifyReport } from '../../src/verify/render.ts';
import { VerifyUsageError, type ImageMeasure, type VerifyReport } from '../../src/verify/types.ts';

function measure(sizeBytes: number, stepsRun: number, layers: ImageMeasure['layers']): ImageMeasure {
  return {
    built: true,
    image: null,
    sizeBytes,
    compressedBytes: Math.round(sizeBytes / 3),
    layers,
    layerCount: layers.length,
    buildSeconds: 12.34,
    rebuild: { stepsRun, stepsTotal: 4, seconds: 3.2 },
  };
}

function report(original: ImageMeasure, fixed: ImageMeasure): VerifyReport {
  const d = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : a - b);
  return {
    engine: 'docker 20.10.24 (BuildKit)',
    dockerfile: 'Dockerfile',
    original,
    fixed,
    delta: {
      sizeBytes: d(fixed.sizeBytes, original.sizeBytes),
      compressedBytes: d(fixed.compressedBytes, original.compressedBytes),
      layers: d(fixed.layerCount, original.layerCount),
      rebuildStepsRun: d(fixed.rebuild?.stepsRun ?? null, original.rebuild?.stepsRun ?? null),
    },
    fixesApplied: [{ ruleId: 'apt-no-install-recommends', line: 2 }],
    editedFile: 'src/app.js',
  };
}

const original = measure(326_000_000, 2, [
  { line: 1, instruction: 'FROM debian:bookworm', sizeBytes: 117_000_000 },
  { line: 2, instruction: 'RUN apt-get update && apt-get install -y curl', sizeBytes: 209_000_000 },
]);
const smaller = measure(286_800_000, 1, [
  { line: 1, instruction: 'FROM debian:bookworm', sizeBytes: 117_000_000 },
  { line: 2, instruction: 'RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*', sizeBytes: 169_800_000 },
]);

describe('formatBytes', () => {
  it('uses decimal units like docker images', () => {
    expect(formatBytes(39_200_000)).toBe('39.2 MB');
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1_500)).toBe('1.50 kB');
    expect(formatBytes(-2_000_000_000)).toBe('-2.00 GB');
  });
});

describe('renderVerifyReport', () => {
  const text = renderVerifyReport(report(original, smaller));
  it('shows per-line layer sizes, the delta with percent, and rebuild steps', () => {
    expect(text).toContain('saves 39.2 MB (12%)');
    expect(text).toMatch(/^ {2}\s*2 {2}RUN apt-get update && apt-get install -y curl\s+209 MB$/m);
    expect(text).toContain('2/4 steps, 3.2 s');
    expect(text).toContain('1/4 steps, 3.2 s');
    expect(text).toContain('-1 step');
    expect(text).toContain('apt-no-install-recommends (line 2)');
    expect(text).toContain('src/app.js');
  });
  it('truncates long instructions with an ellipsis', () => {
    expect(text).toContain('RUN apt-get update && apt-get install -y --no-install-recom…');
  });
});

describe('verifyOutcome', () => {
  it('0 when the fixed image builds and is not larger', () => {
    const outcome = verifyOutcome(report(original, smaller));
    expect(outcome.exitCode).toBe(0);
    expect(outcome.message).toContain('saves 39.2 MB (12%), rebuild after a source edit re-runs 1 step instead of 2');
  });
  it('1 when the fixed build fails, naming the fixes and the log', () => {
    const failed: ImageMeasure = { ...smaller, built: false, sizeBytes: null, compressedBytes: null, layerCount: null, rebuild: null, logFile: '/tmp/x/fixed.build.log' };
    const outcome = verifyOutcome(report(original, failed));
    expect(outcome).toEqual({ exitCode: 1, message: expect.stringContaining('apt-no-install-recommends (line 2); log: /tmp/x/fixed.build.log') });
  });
  it('1 when the fixed image is larger beyond the allowance, 0 within it', () => {
    expect(verifyOutcome(report(original, measure(original.sizeBytes! + sizeAllowance(original.sizeBytes!) + 1, 1, []))).exitCode).toBe(1);
    expect(verifyOutcome(report(original, measure(original.sizeBytes! + 1000, 1, []))).exitCode).toBe(0);
  });
  it('2 when the original does not build', () => {
    const broken: ImageMeasure = { ...original, built: false, sizeBytes: null, logFile: '/tmp/o.log' };
    const outcome = verifyOutcome(report(broken, smaller));
    expect(outcome.exitCode).toBe(2);
    expect(outcome.message).toContain('/tmp/o.log');
  });
  it('2 for no engine and bad arguments; other errors are not ours to map', () => {
    expect(verifyErrorOutcome(new NoEngineError('no engine reachable: tried docker (x)', ['docker (x)']))).toEqual({ exitCode: 2, message: 'no engine reachable: tried docker (x)' });
    expect(verifyErrorOutcome(new VerifyUsageError('bad'))?.exitCode).toBe(2);
    expect(verifyErrorOutcome(new Error('boom'))).toBeUndefined();
  });
});
