import { countBuildahSteps } from './build-log.ts';
import { commonBuildArgs, listNames, STORE_TIMEOUT_MS } from './docker.ts';
import { parseBuildahInspect, parseBuildahStoredImage } from './history.ts';
import { readImageArchive, scanImageArchive, type FileSelection, type ImageArchiveScan, type ImageFiles } from './image-files.ts';
import { readExportedArchive } from './export-archive.ts';
import { runCommand, runWithDeadline } from './process.ts';
import type { BuildOutcome, BuildRequest, Engine, EngineName, ImageFacts, RunOutcome, RunRequest, StoredImage } from './types.ts';

/**
 * Buildah, daemonless. `--layers` keeps one layer per instruction (Buildah squashes
 * otherwise) and enables its layer cache; `--pull=never` keeps registries out of it.
 */
export class BuildahEngine implements Engine {
  readonly name: EngineName = 'buildah';

  constructor(
    protected readonly program: string,
    readonly description: string,
  ) {}

  protected buildCommand(): string[] {
    return ['bud'];
  }

  async build(request: BuildRequest): Promise<BuildOutcome> {
    const args = [...this.buildCommand(), '--layers', '--force-rm', '--pull=never', ...commonBuildArgs(request), request.contextDir];
    const started = performance.now();
    const result = await runCommand(this.program, args, { onLine: request.onLine });
    const seconds = (performance.now() - started) / 1000;
    return { ok: result.code === 0, seconds, log: result.combined, steps: countBuildahSteps(result.combined) };
  }

  async inspect(tag: string): Promise<ImageFacts> {
    const inspected = await runCommand(this.program, ['inspect', '--type', 'image', tag]);
    if (inspected.code !== 0) throw new Error(`buildah inspect ${tag} failed: ${inspected.stderr.trim()}`);
    return parseBuildahInspect(inspected.stdout);
  }

  protected exportArgs(tag: string, archivePath: string): string[] {
    // uncompressed export so that every engine is gzipped the same way by us
    return ['push', '--quiet', '--disable-compression', tag, `oci-archive:${archivePath}`];
  }

  /** one export for all of it: Buildah and Podman write the archive to a file first, which costs as much as reading it */
  scanImage(tag: string, selection: FileSelection): Promise<ImageArchiveScan> {
    return readExportedArchive(this.program, (path) => this.exportArgs(tag, path), (archive) => scanImageArchive(archive, { selection, list: true, measure: true }));
  }

  readFiles(tag: string, selection: FileSelection): Promise<ImageFiles> {
    return readExportedArchive(this.program, (path) => this.exportArgs(tag, path), (archive) => readImageArchive(archive, selection));
  }

  /** `buildah run` ignores ENTRYPOINT and CMD: the command line is made from the image's config as docker run would */
  async run(tag: string, request: RunRequest): Promise<RunOutcome> {
    const { config } = await this.inspect(tag);
    const entrypoint = request.entrypoint ?? config.Entrypoint ?? [];
    // as with docker run, a new entrypoint drops the image's CMD
    const args = request.args.length > 0 ? request.args : request.entrypoint ? [] : (config.Cmd ?? []);
    const from = await runCommand(this.program, ['from', '--pull=never', tag]);
    if (from.code !== 0) return { exitCode: -1, stdout: '', stderr: from.stderr };
    const container = from.stdout.trim().split('\n').at(-1)!;
    try {
      const outcome = await runWithDeadline(this.program, ['run', '--network', 'none', container, '--', ...entrypoint, ...args], request.timeoutMs ?? 60_000);
      // Buildah's own line after a command that exits non-zero: not the command's output
      return { ...outcome, stderr: outcome.stderr.replace(/^Error: while running runtime: exit status \d+\n?/m, '') };
    } finally {
      await runCommand(this.program, ['rm', container]);
    }
  }

  async removeImages(tags: string[]): Promise<void> {
    if (tags.length > 0) await runCommand(this.program, ['rmi', '--force', ...tags]);
  }

  listImageNames(): Promise<string[] | undefined> {
    return listNames(this.program, ['images', '--format', '{{.Name}}:{{.Tag}}']);
  }

  async storedImage(name: string): Promise<StoredImage | undefined> {
    const inspected = await runCommand(this.program, ['inspect', '--type', 'image', name], { timeoutMs: STORE_TIMEOUT_MS });
    return inspected.code === 0 ? parseBuildahStoredImage(inspected.stdout) : undefined;
  }
}
