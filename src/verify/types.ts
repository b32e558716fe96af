import type { EngineChoice } from '../engine/detect.ts';
import type { Engine } from '../engine/types.ts';
import type { LayerRow } from './align.ts';

export interface FixOutcome {
  output: string;
  fixesApplied: { ruleId: string; line: number }[];
}

export type VerifyVariant = 'original' | 'fixed';

export type VerifyProgress =
  | { phase: 'build' | 'measure' | 'rebuild'; variant: VerifyVariant }
  | { phase: 'cleanup' };

export interface VerifyOptions {
  /** path of the user's Dockerfile; never written to */
  dockerfile: string;
  /** build context; defaults to the Dockerfile's directory */
  context?: string;
  engine?: EngineChoice;
  /** an engine already detected (or a test double); skips detection */
  engineInstance?: Engine;
  /** buildx builder name */
  builder?: string;
  target?: string;
  buildArgs?: Record<string, string>;
  platform?: string;
  /** network for RUN steps; `host` unless told otherwise */
  network?: string;
  keepImages?: boolean;
  /** run the rebuild-after-a-source-edit check (default true) */
  cacheCheck?: boolean;
  onProgress?: (event: VerifyProgress) => void;
  /** every line the engine prints (--verbose) */
  onEngineLine?: (variant: VerifyVariant, line: string) => void;
}

export interface RebuildMeasure {
  stepsRun: number;
  stepsTotal: number;
  seconds: number;
}

/** One built variant: `S` in the JSON output. */
export interface ImageMeasure {
  built: boolean;
  /** the tag, kept only with keepImages */
  image: string | null;
  sizeBytes: number | null;
  compressedBytes: number | null;
  layers: LayerRow[];
  /** non-empty layers in the image */
  layerCount: number | null;
  buildSeconds: number;
  rebuild: RebuildMeasure | null;
  /** the engine's log, kept when the build failed */
  logFile?: string;
  /** why a build the engine finished does not count (it made another platform than asked) */
  failure?: string;
}

export interface VerifyDelta {
  sizeBytes: number | null;
  compressedBytes: number | null;
  layers: number | null;
  rebuildStepsRun: number | null;
}

export interface VerifyReport {
  engine: string;
  dockerfile: string;
  /** the --platform both variants were built for, when one was asked */
  platform?: string;
  original: ImageMeasure;
  fixed: ImageMeasure;
  delta: VerifyDelta;
  fixesApplied: { ruleId: string; line: number }[];
  /** the context file edited for the cache check, relative to the context; null when none fit */
  editedFile: string | null;
}

/** The engine built an image but could not describe it (inspect, save): the CLI exits 2. */
export class EngineReadError extends Error {
  override name = 'EngineReadError';
}

/** Bad arguments: the CLI exits 2 with this message. */
export class VerifyUsageError extends Error {
  override name = 'VerifyUsageError';
}
