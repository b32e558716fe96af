import { access, realpath } from 'node:fs/promises';
import { constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { BuildahEngine } from './buildah.ts';
import { DockerEngine, type DockerBuilderMode } from './docker.ts';
import { PodmanEngine } from './podman.ts';
import { runCommand } from './process.ts';
import { NoEngineError, type Engine, type EngineName } from './types.ts';

export type EngineChoice = 'auto' | EngineName;
export const ENGINE_ORDER: readonly EngineName[] = ['docker', 'buildah', 'podman'];

export interface DetectOptions {
  /** a buildx builder name; implies the buildx plugin */
  builder?: string;
}

type Probe = { engine: Engine } | { failure: string };

// what a user of the npm package can do: it ships no scripts of this repository
const START_HINT =
  'install Docker Engine (the docker-ce package, or docker.io on Debian and Ubuntu) and start it ' +
  '(`sudo systemctl start docker`, or point DOCKER_HOST at a daemon), or install the buildah or podman package';

function firstLine(text: string): string {
  return text.trim().split(/\r?\n/)[0]?.trim() ?? '';
}

/** Every executable named `name` on PATH, in PATH order, without duplicates (symlinks resolved). */
async function executablesOnPath(name: string): Promise<string[]> {
  const found: string[] = [];
  const seen = new Set<string>();
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      await access(candidate, constants.X_OK);
      const real = await realpath(candidate);
      if (seen.has(real)) continue;
      seen.add(real);
      found.push(candidate);
    } catch {
      // not here
    }
  }
  return found;
}

interface DockerCandidate {
  cli: string;
  serverVersion: string;
  mode: DockerBuilderMode;
}

async function probeDockerCli(cli: string): Promise<DockerCandidate | string> {
  const version = await runCommand(cli, ['version', '--format', '{{json .}}'], { timeoutMs: 20_000 });
  if (version.code !== 0) return firstLine(version.stderr) || `${cli} version failed`;
  let clientVersion = '';
  let serverVersion = '';
  try {
    const parsed = JSON.parse(version.stdout) as { Client?: { Version?: string }; Server?: { Version?: string } | null };
    clientVersion = parsed.Client?.Version ?? '';
    serverVersion = parsed.Server?.Version ?? '';
  } catch {
    return `${cli} version printed no JSON`;
  }
  if (!serverVersion) return 'the docker daemon did not answer';
  const buildx = await runCommand(cli, ['buildx', 'version'], { timeoutMs: 20_000 });
  // clients before 23.0 carry BuildKit themselves; later ones need the buildx plugin
  const clientMajor = parseInt(clientVersion, 10);
  const mode: DockerBuilderMode = buildx.code === 0 ? 'buildx' : clientMajor > 0 && clientMajor < 23 ? 'buildkit' : 'classic';
  return { cli, serverVersion, mode };
}

/** Every `docker` on PATH that reaches a daemon, or why none does. */
async function reachableDockers(): Promise<DockerCandidate[] | string> {
  const clis = await executablesOnPath('docker');
  if (clis.length === 0) return 'not installed';
  const reachable: DockerCandidate[] = [];
  let lastFailure = '';
  for (const cli of clis) {
    const probed = await probeDockerCli(cli);
    if (typeof probed === 'string') lastFailure = probed;
    else reachable.push(probed);
  }
  return reachable.length > 0 ? reachable : lastFailure;
}

/**
 * Docker: the first `docker` on PATH that offers BuildKit (buildx, or a pre-23 client),
 * else the first that reaches a daemon, with the classic builder.
 */
async function probeDocker(): Promise<Probe> {
  const reachable = await reachableDockers();
  if (typeof reachable === 'string') return { failure: reachable };
  const chosen = reachable.find((candidate) => candidate.mode !== 'classic') ?? reachable[0]!;
  return { engine: new DockerEngine(chosen) };
}

/**
 * `--builder NAME`: the first `docker` on PATH with the buildx plugin, if it knows the
 * builder. Only Docker: falling back to Buildah would silently ignore the builder.
 */
async function findBuildxEngine(builder: string): Promise<Engine> {
  const fail = (message: string, failure: string): never => {
    throw new NoEngineError(message, [`docker (${failure})`]);
  };
  const reachable = await reachableDockers();
  if (typeof reachable === 'string') return fail(`--builder ${builder} needs docker with the buildx plugin: docker ${reachable}; ${START_HINT}`, reachable);
  const withBuildx = reachable.find((candidate) => candidate.mode === 'buildx');
  if (!withBuildx) {
    const clis = reachable.map((candidate) => candidate.cli).join(', ');
    return fail(`--builder ${builder} needs the docker buildx plugin, which is not installed (\`docker buildx version\` fails for ${clis}); install it, or drop --builder`, 'no buildx plugin');
  }
  // a misspelt builder would otherwise fail the original build and read as the Dockerfile's fault
  const inspected = await runCommand(withBuildx.cli, ['buildx', 'inspect', builder], { timeoutMs: 20_000 });
  if (inspected.code !== 0) {
    const reason = firstLine(inspected.stderr) || firstLine(inspected.stdout) || 'docker buildx inspect failed';
    return fail(`--builder ${builder}: ${reason} (\`docker buildx ls\` lists the builders)`, reason);
  }
  return new DockerEngine({ ...withBuildx, builder });
}

async function probeDaemonless(name: 'buildah' | 'podman'): Promise<Probe> {
  const [program] = await executablesOnPath(name);
  if (!program) return { failure: 'not installed' };
  const info = await runCommand(program, ['info'], { timeoutMs: 20_000 });
  if (info.code !== 0) return { failure: firstLine(info.stderr) || `${name} info failed` };
  const version = firstLine((await runCommand(program, ['--version'], { timeoutMs: 20_000 })).stdout).replace(/^\S+ version /, '');
  const description = `${name} ${version.split(' ')[0] ?? version}`;
  return { engine: name === 'buildah' ? new BuildahEngine(program, description) : new PodmanEngine(program, description) };
}

function probe(name: EngineName): Promise<Probe> {
  return name === 'docker' ? probeDocker() : probeDaemonless(name);
}

const detected = new Map<string, Promise<Engine>>();

/**
 * Finds a reachable engine: the one asked for, or the first of docker, buildah, podman
 * that answers; with a buildx builder, Docker with that builder or nothing. Detection runs
 * once per process and choice. Throws NoEngineError with the one line the user sees.
 */
export function detectEngine(choice: EngineChoice = 'auto', options: DetectOptions = {}): Promise<Engine> {
  const key = `${choice}\0${options.builder ?? ''}`;
  let pending = detected.get(key);
  if (!pending) {
    pending = findEngine(choice, options);
    // a failed detection may succeed later (engine started meanwhile): do not remember it
    pending.catch(() => detected.delete(key));
    detected.set(key, pending);
  }
  return pending;
}

async function findEngine(choice: EngineChoice, options: DetectOptions): Promise<Engine> {
  if (options.builder) return findBuildxEngine(options.builder);
  const names = choice === 'auto' ? ENGINE_ORDER : [choice];
  const tried: string[] = [];
  for (const name of names) {
    const result = await probe(name);
    if ('engine' in result) return result.engine;
    tried.push(`${name} (${result.failure})`);
  }
  throw new NoEngineError(`no engine reachable: tried ${tried.join(', ')}; ${START_HINT}`, tried);
}

/**
 * The engine whose image store a lint reads (src/images), with the names it holds: the first of
 * docker (each CLI on PATH), buildah, podman that lists its images. One listing instead of
 * detectEngine's version and buildx probes: a lint with images resolved pays it every run.
 */
export async function detectImageStore(): Promise<{ engine: Engine; names: string[] } | undefined> {
  const candidates: Engine[] = (await executablesOnPath('docker')).map((cli) => new DockerEngine({ cli, mode: 'classic', serverVersion: '' }));
  for (const name of ['buildah', 'podman'] as const) {
    const [program] = await executablesOnPath(name);
    if (program) candidates.push(name === 'buildah' ? new BuildahEngine(program, name) : new PodmanEngine(program, name));
  }
  for (const engine of candidates) {
    const names = await engine.listImageNames();
    if (names !== undefined) return { engine, names };
  }
  return undefined;
}
