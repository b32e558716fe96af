/**
 * Whether the suite can build here. One small function, so that a shared check (an engine
 * usable with these images) can replace it.
 */
import { detectEngine } from '../../src/engine/detect.ts';
import type { Engine, EngineName } from '../../src/engine/types.ts';

/** The engine, or the reason the suite skips it: not reachable, told to skip, or a base image missing from its store. */
export async function engineFor(name: EngineName, images: readonly string[]): Promise<{ engine: Engine } | { reason: string }> {
  // .ci/run builds with the engines once, on the machine's Node; the second Node skips them
  if (process.env.TSLINT_DOCKER_SKIP_ENGINES) return { reason: 'TSLINT_DOCKER_SKIP_ENGINES is set' };
  let engine: Engine;
  try {
    engine = await detectEngine(name);
  } catch (error) {
    return { reason: (error as Error).message };
  }
  const missing: string[] = [];
  for (const image of images) await engine.inspect(image).catch(() => missing.push(image));
  if (missing.length > 0) return { reason: `${engine.description} has no local image ${missing.join(', ')} (builds never pull)` };
  return { engine };
}
