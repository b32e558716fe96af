/**
 * Whether the suite can build here: one function for the engine and its images, one for
 * Debian's mirror, so that shared checks can replace them (verify's integration test has its
 * own copy of the mirror check).
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

/** Why Debian's package mirror cannot serve the apt cases, or undefined when it answers. */
export async function debianMirrorUnreachable(): Promise<string | undefined> {
  try {
    const response = await fetch('http://deb.debian.org/debian/dists/bookworm/Release', { method: 'HEAD', signal: AbortSignal.timeout(10_000) });
    return response.ok ? undefined : `deb.debian.org answered ${response.status}`;
  } catch (error) {
    return `deb.debian.org is not reachable (${(error as Error).message})`;
  }
}
