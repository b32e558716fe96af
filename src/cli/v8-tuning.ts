/**
 * V8 settings for a process that lints once and exits (the CLI, not the language server).
 *
 * A one-shot run over many files spends most of its time before V8's optimised code
 * arrives: on Node 20 (V8 11, no Maglev tier) Turbofan compiles seconds of code on a
 * background thread while the linter runs in the interpreter. A smaller inlining budget
 * makes each optimisation job cheaper, so optimised code arrives sooner. Measured on the
 * 2,821-file corpus (2 cores): the batch ~15% faster; warm passes lose some peak speed (~8%
 * with a budget of 100), which is why the language server keeps V8's defaults. Node >= 22
 * (V8 12+) tiers up through Maglev and gained nothing, so it is left alone.
 *
 * Memory: V8 grows the new space (its two semi-spaces) while a program allocates fast: to
 * 32 MB on Node 20, to 128 MB on Node 24 (V8 13). The lint loop calls limitYoungGeneration()
 * between files: once the new space has reached YOUNG_GENERATION_CAP, V8 stops growing it.
 * Over the corpus (compact output, 2 cores) Node 24's peak RSS went from 232-257 MB to
 * 190-229 MB and Node 20's from 158-164 to 145-150 MB, at no cost in time (interleaved runs).
 */
/** the flags for this V8 (its version string, e.g. process.versions.v8) */
export function oneShotV8Flags(v8Version: string): string[] {
  const major = Number.parseInt(v8Version, 10);
  return Number.isFinite(major) && major < 12 ? ['--max-inlined-bytecode-size-cumulative=200'] : [];
}

/** new-space capacity (both semi-spaces) past which a one-shot run stops its growth */
export const YOUNG_GENERATION_CAP = 16 * 1024 * 1024;

/** set by tuneForOneShotRun: library callers and the language server keep V8's own sizing */
let youngGenerationWatched = false;

/** the one-shot flags tuneForOneShotRun chose, not yet set (applyOneShotFlags sets them) */
let pendingFlags: string[] = [];

/** whether this process set any V8 flag (V8 rejects a code cache made under other flags) */
let flagsSet = false;

/** bin/ keeps a code cache only from a run whose V8 flags are still those it started with */
export function v8FlagsUnchanged(): boolean {
  return !flagsSet;
}

/** whether a command line starts the long-lived language server */
function startsLanguageServer(argv: readonly string[]): boolean {
  return argv.find((a) => !a.startsWith('-')) === 'lsp';
}

/**
 * Called by bin/ before any linting: V8 flags are process-wide, so only the process entry
 * may choose them (never a library call). Returns the flags chosen. They are set later, by
 * applyOneShotFlags, once a run has enough files for them to matter: a run over one file
 * (a pre-commit hook) never loads node:v8 (~3 ms of a cold start, measured in-process).
 */
export function tuneForOneShotRun(argv: readonly string[], v8Version = process.versions.v8): string[] {
  if (startsLanguageServer(argv)) return [];
  youngGenerationWatched = true;
  pendingFlags = oneShotV8Flags(v8Version);
  return pendingFlags;
}

type FlagApi = Pick<typeof import('node:v8'), 'setFlagsFromString'>;
type HeapApi = Pick<typeof import('node:v8'), 'getHeapSpaceStatistics' | 'setFlagsFromString'>;

/**
 * Sets the flags tuneForOneShotRun chose, once; nothing if it did not run. The lint loop calls
 * it (through limitYoungGeneration) after its first files, the worker pool before it starts.
 * Setting them after a few files loses nothing: V8 optimises no code that early.
 */
export function applyOneShotFlags(v8?: FlagApi): void {
  if (pendingFlags.length === 0) return;
  const api = v8 ?? process.getBuiltinModule('node:v8');
  for (const flag of pendingFlags) api.setFlagsFromString(flag);
  flagsSet = true;
  pendingFlags = [];
}

/**
 * Between files of a one-shot run: sets the pending one-shot flags, then, once V8's new space
 * has grown to YOUNG_GENERATION_CAP, keeps it there (a growth factor of 1; V8 reads it at each
 * growth, unlike the size limits, which it reads only at start-up). Does nothing unless
 * tuneForOneShotRun ran, and nothing once it has capped. Returns whether it capped now.
 */
export function limitYoungGeneration(heap?: HeapApi): boolean {
  if (!youngGenerationWatched) return false;
  const v8 = heap ?? process.getBuiltinModule('node:v8');
  applyOneShotFlags(v8);
  const newSpace = v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
  if (newSpace === undefined || newSpace.space_size < YOUNG_GENERATION_CAP) return false;
  v8.setFlagsFromString('--semi-space-growth-factor=1');
  flagsSet = true;
  youngGenerationWatched = false;
  return true;
}
