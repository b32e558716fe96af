import { countBuildKitSteps, countClassicSteps } from './build-log.ts';
import { parseDockerHistory, parseDockerInspect, parseStoredImage } from './history.ts';
import { readCopiedPath, scanImageArchive, type FileSelection, type ImageArchiveScan, type ImageFiles } from './image-files.ts';
import { randomBytes } from 'node:crypto';
import { runCommand, runWithDeadline, spawnStreaming } from './process.ts';
import type { BuildOutcome, BuildRequest, Engine, ImageFacts, RunOutcome, RunRequest, StoredImage } from './types.ts';

/** How `docker` reaches BuildKit: the buildx plugin, the BuildKit built into pre-23 clients, or not at all. */
export type DockerBuilderMode = 'buildx' | 'buildkit' | 'classic';

export interface DockerEngineOptions {
  /** path of the docker CLI; the daemon is whatever it reaches (DOCKER_HOST, DOCKER_CONTEXT) */
  cli: string;
  mode: DockerBuilderMode;
  /** `docker buildx build --builder NAME`: remote or Kubernetes BuildKit */
  builder?: string;
  serverVersion: string;
}

/** Shared by the build arguments of every engine: the flags all of them accept alike. */
export function commonBuildArgs(request: BuildRequest): string[] {
  const args = ['-f', request.dockerfile, '-t', request.tag, '--network', request.network];
  if (request.target) args.push('--target', request.target);
  if (request.platform) args.push('--platform', request.platform);
  for (const [name, value] of Object.entries(request.buildArgs ?? {})) args.push('--build-arg', `${name}=${value}`);
  return args;
}

/** `docker run` (and `podman run`) arguments for a throw-away container without network, named to be removed on a timeout. */
export function dockerRunArgs(tag: string, request: RunRequest, name: string): string[] {
  const args = ['run', '--rm', '--network', 'none', '--name', name];
  if (!request.entrypoint) return [...args, tag, ...request.args];
  // --entrypoint takes one word: the rest of the entrypoint goes before the arguments
  const [program = '', ...rest] = request.entrypoint;
  return [...args, '--entrypoint', program, tag, ...rest, ...request.args];
}

export class DockerEngine implements Engine {
  readonly name = 'docker';
  readonly description: string;

  constructor(private readonly options: DockerEngineOptions) {
    const via = options.mode === 'buildx' ? `BuildKit via buildx${options.builder ? ` builder ${options.builder}` : ''}` : options.mode === 'buildkit' ? 'BuildKit' : 'classic builder';
    this.description = `docker ${options.serverVersion} (${via})`;
  }

  async build(request: BuildRequest): Promise<BuildOutcome> {
    const { cli, mode, builder } = this.options;
    let args: string[];
    if (mode === 'buildx') {
      // --load (= --output type=docker) puts the image into the daemon, where inspect, history and
      // save read it; only the docker driver does that by default
      args = ['buildx', 'build', '--progress=plain', '--load'];
      if (builder) args.push('--builder', builder);
      // BuildKit runs --network host only when the build asks for this entitlement and the builder
      // allows it: the docker driver by default, recent buildx creates container and Kubernetes
      // builders with it, a remote buildkitd needs --allow-insecure-entitlement network.host.
      // The default builder (`docker buildx use`) may be any of them.
      if (request.network === 'host') args.push('--allow', 'network.host');
    } else if (mode === 'buildkit') {
      args = ['build', '--progress=plain'];
    } else {
      args = ['build', '--force-rm'];
    }
    args.push(...commonBuildArgs(request), request.contextDir);
    // Docker still records the layers of a --no-cache build, so the rebuild after a source edit uses them
    if (request.noCache) args.splice(args.length - 1, 0, '--no-cache');
    const env = { ...process.env, DOCKER_BUILDKIT: mode === 'classic' ? '0' : '1' };
    const started = performance.now();
    const result = await runCommand(cli, args, { env, onLine: request.onLine });
    const seconds = (performance.now() - started) / 1000;
    const log = result.combined;
    return {
      ok: result.code === 0,
      seconds,
      log,
      steps: mode === 'classic' ? countClassicSteps(log) : countBuildKitSteps(log),
    };
  }

  async inspect(tag: string): Promise<ImageFacts> {
    const { cli } = this.options;
    const [inspected, history] = await Promise.all([
      runCommand(cli, ['image', 'inspect', tag]),
      runCommand(cli, ['history', '--no-trunc', '--human=false', '--format', '{{json .}}', tag]),
    ]);
    if (inspected.code !== 0) throw new Error(`docker image inspect ${tag} failed: ${inspected.stderr.trim()}`);
    if (history.code !== 0) throw new Error(`docker history ${tag} failed: ${history.stderr.trim()}`);
    return parseDockerInspect(inspected.stdout, parseDockerHistory(history.stdout));
  }

  /** `docker save` streamed for the layers (no temp space), the selected files through `docker cp` (faster than a second pass over the layers) */
  async scanImage(tag: string, selection: FileSelection): Promise<ImageArchiveScan> {
    const saved = spawnStreaming(this.options.cli, ['save', tag]);
    const scanning = scanImageArchive(saved.stdout, { selection: { paths: [] }, list: true, measure: true });
    const [scan, exit] = await Promise.allSettled([scanning, saved.done]);
    if (exit.status === 'fulfilled' && exit.value.code !== 0) throw new Error(`docker save ${tag} failed: ${exit.value.stderr.trim()}`);
    if (scan.status === 'rejected') throw scan.reason;
    return { ...scan.value, files: await this.readFiles(tag, selection) };
  }

  /**
   * Through `docker cp` from a container that is created, never started: its filesystem is the
   * image's. Much faster than reading a `docker save` archive, which holds every layer.
   */
  async readFiles(tag: string, selection: FileSelection): Promise<ImageFiles> {
    const { cli } = this.options;
    const created = await runCommand(cli, ['create', tag, 'never-started']);
    if (created.code !== 0) throw new Error(`docker create ${tag} failed: ${created.stderr.trim()}`);
    const container = created.stdout.trim();
    try {
      const files: ImageFiles = new Map();
      for (const path of selection.paths) {
        const copy = spawnStreaming(cli, ['cp', `${container}:${path}`, '-']);
        const [read, exit] = await Promise.allSettled([readCopiedPath(copy.stdout, path, selection), copy.done]);
        if (exit.status === 'fulfilled' && exit.value.code !== 0) {
          if (/no such container:path|could not find the file/i.test(exit.value.stderr)) continue;
          throw new Error(`docker cp ${path} from ${tag} failed: ${exit.value.stderr.trim()}`);
        }
        if (read.status === 'rejected') throw read.reason;
        for (const [name, file] of read.value) files.set(name, file);
      }
      return files;
    } finally {
      await runCommand(cli, ['rm', '--force', container]);
    }
  }

  run(tag: string, request: RunRequest): Promise<RunOutcome> {
    return runContainer(this.options.cli, tag, request);
  }

  async removeImages(tags: string[]): Promise<void> {
    if (tags.length > 0) await runCommand(this.options.cli, ['image', 'rm', '--force', ...tags]);
  }

  listImageNames(): Promise<string[] | undefined> {
    return listNames(this.options.cli, ['image', 'ls', '--format', '{{.Repository}}:{{.Tag}}']);
  }

  async storedImage(name: string): Promise<StoredImage | undefined> {
    const inspected = await runCommand(this.options.cli, ['image', 'inspect', name], { timeoutMs: STORE_TIMEOUT_MS });
    return inspected.code === 0 ? parseStoredImage(inspected.stdout) : undefined;
  }
}

/** `docker run` or `podman run`: the image's user, no network, removed (hence stopped) when the time limit passes. */
export function runContainer(cli: string, tag: string, request: RunRequest): Promise<RunOutcome> {
  const name = `tslint-docker-run-${randomBytes(6).toString('hex')}`;
  return runWithDeadline(cli, dockerRunArgs(tag, request, name), request.timeoutMs ?? 60_000, () => runCommand(cli, ['rm', '--force', name]));
}

/** reading the store takes well under a second; a daemon that hangs (DOCKER_HOST far away) must not hold the lint */
export const STORE_TIMEOUT_MS = 5_000;

/** `repository:tag` lines of an engine's image listing, untagged images left out; undefined when it fails */
export async function listNames(program: string, args: string[]): Promise<string[] | undefined> {
  const listed = await runCommand(program, args, { timeoutMs: STORE_TIMEOUT_MS });
  if (listed.code !== 0) return undefined;
  return listed.stdout.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '' && !line.includes('<none>'));
}
