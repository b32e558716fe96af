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
 */
/** the flags for this V8 (its version string, e.g. process.versions.v8) */
export function oneShotV8Flags(v8Version: string): string[] {
  const major = Number.parseInt(v8Version, 10);
  return Number.isFinite(major) && major < 12 ? ['--max-inlined-bytecode-size-cumulative=200'] : [];
}

/** whether a command line starts the long-lived language server */
function startsLanguageServer(argv: readonly string[]): boolean {
  return argv.find((a) => !a.startsWith('-')) === 'lsp';
}

/**
 * Called by bin/ before any linting: V8 flags are process-wide, so only the process entry
 * may set them (never a library call). Returns the flags it set.
 */
export function tuneForOneShotRun(argv: readonly string[], v8Version = process.versions.v8): string[] {
  if (startsLanguageServer(argv)) return [];
  const flags = oneShotV8Flags(v8Version);
  // node:v8 loads only when there is something to set (a cold start pays for every module)
  if (flags.length > 0) {
    const v8 = process.getBuiltinModule('node:v8');
    for (const flag of flags) v8.setFlagsFromString(flag);
  }
  return flags;
}
