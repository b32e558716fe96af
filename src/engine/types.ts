import type { FileSelection, ImageArchiveScan, ImageFiles } from './image-files.ts';
import type { ImageConfig } from './image-config.ts';
import type { ImagePlatform } from './platform.ts';

/** The build engines verify drives; we never implement one. */
export type EngineName = 'docker' | 'buildah' | 'podman';

export interface BuildRequest {
  contextDir: string;
  /** absolute path of the Dockerfile to build (may live outside the context) */
  dockerfile: string;
  tag: string;
  target?: string;
  buildArgs?: Record<string, string>;
  platform?: string;
  /** network mode for RUN steps; verify always passes `host` unless told otherwise */
  network: string;
  /**
   * build every step (the measured builds: their wall time should not be a cache hit).
   * Docker honours it; Buildah and Podman do not, because a rebuild after their --no-cache
   * builds re-ran steps it should have found cached (measured), which breaks the cache check.
   */
  noCache?: boolean;
  /** receives every line the engine prints, as it prints it */
  onLine?: (line: string) => void;
}

/** How many build steps produced work versus came from the cache. */
export interface StepCounts {
  /** filesystem steps (RUN, COPY, ADD, WORKDIR) executed */
  run: number;
  /** filesystem steps taken from the cache */
  cached: number;
  total: number;
}

export interface BuildOutcome {
  ok: boolean;
  seconds: number;
  /** everything the engine printed, stdout and stderr interleaved */
  log: string;
  steps: StepCounts;
}

/** One entry of an image's history, oldest first. */
export interface HistoryEntry {
  createdBy: string;
  /** true when the instruction only changed metadata (ENV, CMD ...) */
  emptyLayer: boolean;
  /** uncompressed bytes the layer adds, as the engine counts them; 0 for empty layers */
  sizeBytes: number;
}

export interface ImageFacts {
  id: string;
  /** the platform recorded in the image config */
  platform: ImagePlatform;
  /** uncompressed image size as the engine reports it */
  sizeBytes: number;
  /** non-empty layers in the image */
  layerCount: number;
  history: HistoryEntry[];
  /** how its containers run: user, environment, entrypoint, command, ... */
  config: ImageConfig;
}

/** A command run in a new container of an image, as `docker run IMAGE ...` does. */
export interface RunRequest {
  /** replaces the image's ENTRYPOINT; `[]` clears it */
  entrypoint?: string[];
  /** replace the image's CMD when not empty */
  args: string[];
  /** default 60 s */
  timeoutMs?: number;
}

export interface RunOutcome {
  /** -1 when the engine could not start it or it timed out */
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** An image of the engine's own store: what `FROM <name>` builds on here without pulling. */
export interface StoredImage {
  /** the image config's `config` object (User, Env, WorkingDir, ...) as the engine records it */
  config: unknown;
  platform: ImagePlatform;
  /** `repository@sha256:...` the image was pulled or pushed as (none for an image built here) */
  repoDigests: string[];
}

export interface Engine {
  readonly name: EngineName;
  /** e.g. "docker 20.10.24 (BuildKit)"; shown in reports */
  readonly description: string;
  build(request: BuildRequest): Promise<BuildOutcome>;
  inspect(tag: string): Promise<ImageFacts>;
  /**
   * Everything verify reads from the image's layers, from one export of it: the bytes a registry
   * would store (the gzip of every layer tar, summed), every layer's listing and whiteouts, the
   * config's history, and the selected files.
   */
  scanImage(tag: string, selection: FileSelection): Promise<ImageArchiveScan>;
  /** what the image's filesystem holds at the selected paths (a path it lacks is absent) */
  readFiles(tag: string, selection: FileSelection): Promise<ImageFiles>;
  /** runs a command in a throw-away container without network, as the image's user */
  run(tag: string, request: RunRequest): Promise<RunOutcome>;
  /** removes the images; never throws (cleanup must not hide the real result) */
  removeImages(tags: string[]): Promise<void>;
  /** the `repository:tag` names in the engine's store, as it lists them; undefined when it cannot list (no daemon) */
  listImageNames(): Promise<string[] | undefined>;
  /** an image of the store by name; undefined when the store does not hold it */
  storedImage(name: string): Promise<StoredImage | undefined>;
}

/** Raised when no engine answers; the message is the one line the user sees. */
export class NoEngineError extends Error {
  constructor(
    message: string,
    readonly tried: readonly string[],
  ) {
    super(message);
    this.name = 'NoEngineError';
  }
}
