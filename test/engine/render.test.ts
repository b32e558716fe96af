import { describe, expect, it } from 'vitest';
import { NoEngineError } from '../../src/engine/types.ts';
import { sizeAllowance, verifyErrorOutcome, verifyOutcome } from '../../src/verify/outcome.ts';
import { formatBytes, renderVerifyReport } from '../../src/verify/render.ts';
import { VerifyUsageError, type ImageMeasure } from '../../src/verify/types.ts';
import { measure, original, report, smaller } from './sample-report.ts';

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
  it('1 when the fix removes a package --fail-on-removed names, or a smoke command behaves differently; a removed package alone is only reported', () => {
    const packages = { manager: 'dpkg' as const, removed: [{ name: 'ca-certificates', version: '20230311', sizeBytes: 387_072 }], added: [], changed: [], removedNamed: [] };
    const run = (exitCode: number, stdout = '') => ({ exitCode, stdout, stderr: '' });
    expect(verifyOutcome({ ...report(original, smaller), packages }).exitCode).toBe(0);
    const named = verifyOutcome({ ...report(original, smaller), packages: { ...packages, removedNamed: ['ca-certificates'] } });
    expect(named).toEqual({ exitCode: 1, message: 'the fix removes package ca-certificates (--fail-on-removed); fixes involved: apt-no-install-recommends (line 2)' });
    const smoke = [
      { command: 'true', original: run(0), fixed: run(0), differs: [] },
      { command: 'curl -sI https://example.org', original: run(0, 'HTTP/2 200\n'), fixed: run(60), differs: ['exitCode' as const, 'stdout' as const] },
    ];
    const differs = verifyOutcome({ ...report(original, smaller), smoke });
    expect(differs.exitCode).toBe(1);
    expect(differs.message).toBe('smoke command `curl -sI https://example.org` behaves differently (exit 0 became 60, stdout); fixes involved: apt-no-install-recommends (line 2)');
    const text = renderVerifyReport({ ...report(original, smaller), packages, smoke });
    expect(text).toContain('dpkg packages the fix removes: 1 (387 kB installed)\n  ca-certificates  20230311  387 kB\n');
    expect(text).toContain('  same      true  (exit 0)\n  DIFFERS   curl -sI https://example.org\n    original: exit 0\n      stdout:\n        HTTP/2 200\n    fixed: exit 60\n      stdout: (empty)');
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
