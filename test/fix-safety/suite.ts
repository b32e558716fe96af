/**
 * The build proof for one engine: every case it builds, its original and its two fixed
 * Dockerfiles (`--fix`, `--fix --unsafe-fixes`), compared image to image. Skipped with the
 * reason when the engine, a base image, heredoc support or Debian's mirror is missing.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { EngineName } from '../../src/engine/types.ts';
import { fixCase, headline, loadCases, type FixSafetyCase, type Variant } from './cases.ts';
import { debianMirrorUnreachable, usableEngine } from '../helpers/engines.ts';
import { isKnownBroken } from './known-broken.ts';
import { Prover, type ImageReading } from './prove.ts';

/** `concurrency`: builds (with their reads and runs) at once on the engine. */
export async function fixSafetySuite(engineName: EngineName, concurrency: number): Promise<void> {
  const label = `[fix-safety ${engineName}]`;
  // the cases that install with apt first: their downloads are the long pole, the rest fills the gaps
  const cases = loadCases()
    .filter((c) => !c.spec.lintOnly && !c.unavailable && (c.spec.engines ?? ['docker']).includes(engineName))
    .sort((a, b) => Number(b.spec.aptMirror ?? false) - Number(a.spec.aptMirror ?? false));
  const notBuilt = loadCases().filter((c) => c.spec.lintOnly || c.unavailable);
  if (notBuilt.length > 0) console.warn(`${label} not built: ${notBuilt.map((c) => `${c.name} (${c.spec.lintOnly ?? c.unavailable})`).join('; ')}`);
  const images = [...new Set(cases.flatMap((c) => c.images))].sort();
  const available = await usableEngine(engineName, images, `fix-safety ${engineName}`);
  const prover = available.engine ? new Prover(available.engine, concurrency) : undefined;
  const mirror = prover && cases.some((c) => c.spec.aptMirror) ? await debianMirrorUnreachable() : undefined;
  if (mirror) console.warn(`${label} skipping the cases that install with apt: ${mirror}`);
  const heredocs = prover && cases.some((c) => c.spec.heredocs) ? await prover.supportsHeredocs() : true;
  if (!heredocs) console.warn(`${label} skipping the heredoc cases: ${prover!.engine.description} does not run RUN <<EOF (its Dockerfile frontend predates heredocs)`);

  // engine time per case: build, reads and runs of each distinct image (the original is shared by both proofs)
  const timings = new Map<string, Partial<Record<'original' | Variant, ImageReading>>>();
  const suiteStart = performance.now();
  afterAll(async () => {
    if (!prover) return;
    await prover.cleanup();
    if (timings.size === 0) return;
    const wall = (performance.now() - suiteStart) / 1000;
    // an unsafe fix that makes the safe fix's file reuses its image: count it once
    const total = (t: Partial<Record<string, ImageReading>>): number => [...new Set(Object.values(t))].reduce((sum, r) => sum + (r?.seconds ?? 0), 0);
    const cell = (r: ImageReading | undefined): string => (r === undefined ? '     -' : r.seconds.toFixed(1).padStart(6));
    const rows = [...timings].sort(([, a], [, b]) => total(b) - total(a)).map(([name, t]) => `  ${total(t).toFixed(1).padStart(6)} s = ${cell(t.original)} ${cell(t.safe)} ${cell(t.unsafe)}  ${name}`);
    console.log(`${label} ${timings.size} cases in ${wall.toFixed(1)} s wall (${prover.engine.description}); engine seconds per case (original, safe, unsafe; - when the fix changes nothing):\n${rows.join('\n')}`);
  });

  const skipReason = (c: FixSafetyCase): string | undefined =>
    !prover ? 'no engine' : c.spec.aptMirror && mirror ? mirror : c.spec.heredocs && !heredocs ? 'no heredocs' : undefined;

  // every proof starts at once and waits for the engine in the Prover's queue, in the order above
  vi.setConfig({ maxConcurrency: 2 * cases.length });
  describe.concurrent(`fix safety, built with ${engineName}`, () => {
    for (const c of cases) {
      for (const variant of ['safe', 'unsafe'] as const) {
        const test = skipReason(c) ? it.skip : isKnownBroken(c.name, variant, engineName) ? it.fails : it;
        test(`${c.name} (${variant}): ${headline(c)}`, async () => {
          const fixed = (await fixCase(c, variant)).output;
          const [original, after] = await Promise.all([prover!.image(c, c.dockerfile, 'original'), prover!.image(c, fixed, variant)]);
          const row = timings.get(c.name) ?? {};
          row.original = original;
          if (fixed !== c.dockerfile) row[variant] = after;
          timings.set(c.name, row);
          expect(prover!.compare(c, variant, original, after)).toEqual([]);
        }, 900_000);
      }
    }
  });
}
