import type { EngineChoice } from '../engine/detect.ts';
import type { PackageManager } from '../engine/packages.ts';
import type { Engine, RunOutcome } from '../engine/types.ts';
import type { LayerRow } from './align.ts';
import type { WasteFinding } from './waste.ts';

export interface FixOutcome {
  output: string;
  fixesApplied: { ruleId: string; line: number }[];
}

export type VerifyVariant = 'original' | 'fixed';

export type VerifyProgress =
  | { phase: 'build' | 'measure' | 'rebuild' | 'smoke'; variant: VerifyVariant }
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
  /** package names whose removal by the fix makes verify fail (exit 1) */
  failOnRemoved?: readonly string[];
  /** shell command lines run in both images (`/bin/sh -c`), whose exit code and output must agree */
  smoke?: readonly string[];
  /** time limit of each smoke command, default 60 s */
  smokeTimeoutMs?: number;
  /** the lint findings of a Dockerfile text (any preset: verify keeps the waste rules' only), to say why bytes were wasted */
  lint?: (text: string) => WasteFinding[];
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
  /** bytes written by one layer and deleted or written again by a later one; null when not built */
  waste?: WasteReport | null;
  /** the engine's log, kept when the build failed */
  logFile?: string;
  /** why a build the engine finished does not count (it made another platform than asked) */
  failure?: string;
}

/** A lint finding of the built Dockerfile that says why bytes were wasted, and its fix. */
export interface WasteExplanation {
  ruleId: string;
  line: number;
  message: string;
  fix?: { description: string; safety: 'safe' | 'unsafe' };
}

/** The bytes one line wrote that another hid. */
export interface WasteRow {
  /** the instruction whose layer wrote them (the FROM line for the base image's layers) */
  writtenLine: number;
  writtenInstruction: string;
  /** the instruction whose layer deleted them or wrote the same paths again */
  removedLine: number;
  removedInstruction: string;
  /** regular files hidden */
  files: number;
  sizeBytes: number;
  deletedBytes: number;
  overwrittenBytes: number;
  /** where most of the bytes were (first three levels), at most three */
  folders: { folder: string; sizeBytes: number }[];
  explainedBy: WasteExplanation[];
}

/**
 * An image's wasted bytes: `totalBytes` is what all its layers write (regular files' sizes),
 * `wastedBytes` what a later layer hides, `efficiency` 1 - wasted / total.
 */
export interface WasteReport {
  totalBytes: number;
  wastedBytes: number;
  efficiency: number;
  /** the largest first */
  rows: WasteRow[];
}

export interface VerifyDelta {
  sizeBytes: number | null;
  compressedBytes: number | null;
  layers: number | null;
  rebuildStepsRun: number | null;
}

export interface PackageEntry {
  name: string;
  version: string;
  /** installed size as the package database records it (dpkg's Installed-Size KiB times 1024, apk's I: bytes, rpm's SIZE bytes) */
  sizeBytes: number;
}

/** The packages the fix changed, read from both images' package databases. */
export interface PackageChanges {
  /** the database read: dpkg's status file, apk's installed database, rpm's rpmdb.sqlite or Berkeley DB Packages */
  manager: PackageManager;
  removed: PackageEntry[];
  added: PackageEntry[];
  /** installed in both, another version in the fixed image */
  changed: { name: string; before: string; after: string }[];
  /** the --fail-on-removed names among `removed` */
  removedNamed: string[];
}

/** Paths only one image has, under one folder (its first three levels: /usr/share/doc). */
export interface FileGroup {
  folder: string;
  /** files, directories and links */
  paths: number;
  /** bytes of the regular files */
  sizeBytes: number;
}

/** What the fix removed from the filesystem or added to it, by folder, the largest first. */
export interface FileChanges {
  removed: FileGroup[];
  added: FileGroup[];
}

/** One --smoke command run in both images. */
export interface SmokeComparison {
  command: string;
  original: RunOutcome;
  fixed: RunOutcome;
  /** what differs: empty when the fixed image behaves the same */
  differs: ('exitCode' | 'stdout' | 'stderr')[];
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
  /** null when an image was not built, neither has a dpkg, apk or rpm database, or one's cannot be read */
  packages?: PackageChanges | null;
  /** paths only in one image, by folder; null when an image was not built */
  files?: FileChanges | null;
  /** the --smoke commands, in order; empty when none was asked or an image was not built */
  smoke?: SmokeComparison[];
}

/** The engine built an image but could not describe it (inspect, save): the CLI exits 2. */
export class EngineReadError extends Error {
  override name = 'EngineReadError';
}

/** Bad arguments: the CLI exits 2 with this message. */
export class VerifyUsageError extends Error {
  override name = 'VerifyUsageError';
}
