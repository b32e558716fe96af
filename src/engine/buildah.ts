import { countBuildahSteps } from './build-log.ts';
import { commonBuildArgs, listNames, STORE_TIMEOUT_MS } from './docker.ts';
import { parseBuildahInspect, parseBuildahStoredImage } from './history.ts';
import { measureExportedArchive } from './measure.ts';
import { runCommand } from './process.ts';
import type { BuildOutcome, BuildRequest, Engine, EngineName, ImageFacts, StoredImage } from './types.ts';

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

  compressedSize(tag: string): Promise<number> {
    // uncompressed export so that every engine is gzipped the same way by us
    return measureExportedArchive(this.program, (archivePath) => ['push', '--quiet', '--disable-compression', tag, `oci-archive:${archivePath}`]);
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
