/**
 * Whether a build engine can run the engine tests here. Every test that builds asks this
 * helper and skips, with the printed reason, when the answer is no: a missing engine or base
 * image is the machine's state, not a failure of tslint-docker.
 *
 *   const docker = await usableEngine('docker', ['busybox']);
 *   describe.skipIf(!docker.engine)('verify with docker', () => { ... docker.engine! ... });
 */
import { detectEngine, ENGINE_ORDER } from '../../src/engine/detect.ts';
import type { Engine, EngineName } from '../../src/engine/types.ts';

/** docker, buildah, podman: the engines verify drives, in detection order */
export const ENGINES: readonly EngineName[] = ENGINE_ORDER;

export type EngineProbe = { engine: Engine; reason?: undefined } | { engine?: undefined; reason: string };

/**
 * `name` when it answers and its image store holds every image of `images` (as a FROM line
 * names them: `busybox`, `debian:bookworm`); builds never pull, so a missing base image would
 * only fail the test. Otherwise the reason, which is also printed under `label`.
 * TSLINT_DOCKER_SKIP_ENGINES=1 makes every engine unusable (.ci/run's second Node).
 */
export async function usableEngine(name: EngineName, images: readonly string[], label = 'engine tests'): Promise<EngineProbe> {
  const probe = await probeEngine(name, images);
  if (probe.reason !== undefined) console.warn(`[${label}] skipping ${name}: ${probe.reason}`);
  return probe;
}

async function probeEngine(name: EngineName, images: readonly string[]): Promise<EngineProbe> {
  if (process.env.TSLINT_DOCKER_SKIP_ENGINES) return { reason: 'TSLINT_DOCKER_SKIP_ENGINES is set' };
  let engine: Engine;
  try {
    engine = await detectEngine(name);
  } catch (error) {
    return { reason: (error as Error).message };
  }
  // the engine's own inspect: the store its builds read, through the same CLI and daemon
  const present = await Promise.all(images.map((image) => engine.inspect(image).then(() => true, () => false)));
  const missing = images.filter((_, i) => !present[i]);
  if (missing.length > 0) {
    return { reason: `${missing.join(', ')} not in ${engine.description}'s image store (builds never pull; scripts/start-engine.sh makes the local images)` };
  }
  return { engine };
}

/** Why apt inside a build cannot work here (deb.debian.org unreachable), or undefined when it can. */
export async function debianMirrorUnreachable(): Promise<string | undefined> {
  try {
    const response = await fetch('http://deb.debian.org/debian/dists/bookworm/Release', { method: 'HEAD', signal: AbortSignal.timeout(10_000) });
    return response.ok ? undefined : `deb.debian.org answered ${response.status}`;
  } catch (error) {
    return `deb.debian.org is not reachable (${(error as Error).message})`;
  }
}

const DECIMAL_UNITS: Record<string, number> = { B: 1, kB: 1e3, KB: 1e3, MB: 1e6, GB: 1e9 };

/**
 * `buildah|podman images --format {{.Size}} TAG`: sizes rounded to 3 significant digits in
 * decimal units, one line per name of the matching image (an image another build made
 * identical carries both names: `307 MB\n307 MB`). Bytes, approximately.
 */
export function parseListedSize(output: string): number {
  const lines = [...new Set(output.trim().split(/\r?\n/).map((line) => line.trim()))];
  const match = lines.length === 1 ? /^([\d.]+)\s*(B|kB|KB|MB|GB)$/.exec(lines[0]!) : null;
  if (!match) throw new Error(`not one image size: ${JSON.stringify(output)}`);
  return Number(match[1]) * DECIMAL_UNITS[match[2]!]!;
}
