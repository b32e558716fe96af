import { BuildahEngine } from './buildah.ts';
import { listNames, runContainer, STORE_TIMEOUT_MS } from './docker.ts';
import { parseDockerInspect, parsePodmanHistory, parseStoredImage } from './history.ts';
import { runCommand } from './process.ts';
import type { EngineName, ImageFacts, RunOutcome, RunRequest, StoredImage } from './types.ts';

/** Podman builds with Buildah's code (same log format, same store) but inspects like docker. */
export class PodmanEngine extends BuildahEngine {
  override readonly name: EngineName = 'podman';

  protected override buildCommand(): string[] {
    return ['build'];
  }

  override async inspect(tag: string): Promise<ImageFacts> {
    const [inspected, history] = await Promise.all([
      runCommand(this.program, ['image', 'inspect', tag]),
      runCommand(this.program, ['history', '--no-trunc', '--format', 'json', tag]),
    ]);
    if (inspected.code !== 0) throw new Error(`podman image inspect ${tag} failed: ${inspected.stderr.trim()}`);
    if (history.code !== 0) throw new Error(`podman history ${tag} failed: ${history.stderr.trim()}`);
    return parseDockerInspect(inspected.stdout, parsePodmanHistory(history.stdout));
  }

  override listImageNames(): Promise<string[] | undefined> {
    return listNames(this.program, ['images', '--format', '{{.Repository}}:{{.Tag}}']);
  }

  override async storedImage(name: string): Promise<StoredImage | undefined> {
    const inspected = await runCommand(this.program, ['image', 'inspect', name], { timeoutMs: STORE_TIMEOUT_MS });
    return inspected.code === 0 ? parseStoredImage(inspected.stdout) : undefined;
  }

  protected override exportArgs(tag: string, archivePath: string): string[] {
    return ['save', '--quiet', '--format', 'oci-archive', '--output', archivePath, tag];
  }

  override run(tag: string, request: RunRequest): Promise<RunOutcome> {
    return runContainer(this.program, tag, request);
  }
}
