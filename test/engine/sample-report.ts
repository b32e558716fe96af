/** Verify reports built from sample measurements, for renderer and SARIF tests. */
import type { ImageMeasure, VerifyReport } from '../../src/verify/types.ts';

export function measure(sizeBytes: number, stepsRun: number, layers: ImageMeasure['layers']): ImageMeasure {
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

export function report(original: ImageMeasure, fixed: ImageMeasure): VerifyReport {
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

export const original = measure(326_000_000, 2, [
  { line: 1, instruction: 'FROM debian:bookworm', sizeBytes: 117_000_000 },
  { line: 2, instruction: 'RUN apt-get update && apt-get install -y curl', sizeBytes: 209_000_000 },
]);
export const smaller = measure(286_800_000, 1, [
  { line: 1, instruction: 'FROM debian:bookworm', sizeBytes: 117_000_000 },
  { line: 2, instruction: 'RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*', sizeBytes: 169_800_000 },
]);
