/** The lint command: find files, lint (and fix) each, report, and decide the exit code. */
import { closeSync, openSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FailureThreshold, RuleSetting } from '../config/index.ts';
import type { FixOutcome } from '../fix/apply.ts';
import { getLinter } from '../linter/index.ts';
import type { FileResult, Severity } from '../linter/types.ts';
import { lintFile, type FileJobSettings, type FileOutcome } from './lint-file.ts';
import { lintInWorkers, shouldUseWorkers } from './pool.ts';
import { getReporter, REPORTER_NAMES } from '../report/index.ts';
import { UsageError } from './errors.ts';
import { limitYoungGeneration } from './v8-tuning.ts';
import { findFiles } from './files.ts';
import { RunImages } from './images.ts';
import type { CliIO } from './io.ts';
import type { ResultCache } from './result-cache.ts';

export interface LintArgs {
  files: string[];
  format: string[];
  outputFile: string[];
  config?: string;
  noConfig: boolean;
  rule: string[];
  ignore: string[];
  failureThreshold?: FailureThreshold;
  maxWarnings?: number;
  quiet: boolean;
  context?: string;
  stdinFilename?: string;
  fix: boolean;
  unsafeFixes: boolean;
  fixDryRun: boolean;
  color?: boolean;
  /** keep each file's results between runs and reuse them while nothing they depend on changed */
  cache: boolean;
  /** where the cache lives (a file, or a directory for the default file name); default .tslint-docker-cache in the cwd */
  cacheLocation?: string;
  /** ask the engine's store and registries about base images (config `images: resolve`) */
  resolveImages: boolean;
  /** base images from the cache of earlier answers only, no network (config `images: offline`); wins over resolveImages */
  offline: boolean;
}

const PROGRESS_MIN_FILES = 50;
const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1, style: 0 };
const SETTINGS = new Set(['off', 'error', 'warning', 'info', 'style']);

export async function runLint(args: LintArgs, io: CliIO): Promise<number> {
  for (const f of args.format) {
    if (!(REPORTER_NAMES as readonly string[]).includes(f)) throw new UsageError(`unknown format '${f}': use one of ${REPORTER_NAMES.join(', ')}`);
  }
  if (args.outputFile.length > Math.max(1, args.format.length)) {
    throw new UsageError('more --output-file than --format values: give one --format per --output-file');
  }
  const cliRules: Record<string, RuleSetting> = {};
  for (const r of args.rule) {
    const m = /^([^=]+)=(.+)$/.exec(r);
    if (!m || !SETTINGS.has(m[2]!)) throw new UsageError(`bad --rule '${r}': use --rule ID=off|error|warning|info|style`);
    cliRules[m[1]!] = m[2] as RuleSetting;
  }
  const files = await findFiles(args.files, io.cwd);
  const results: FileResult[] = [];
  const fixReports: { path: string; outcome: FixOutcome }[] = [];
  let threshold: FailureThreshold = args.failureThreshold ?? 'info';
  let wouldChange = false;
  const warned = new Set<string>();

  // a progress line on a terminal for long runs (stderr, so reports stay clean)
  const progress = io.isTTY && files.length >= PROGRESS_MIN_FILES;
  let lastProgress = 0;
  const onProgress = (done: number, file: string) => {
    if (progress && Date.now() - lastProgress > 100) {
      lastProgress = Date.now();
      io.stderr(`\r\x1b[K[${done}/${files.length}] ${file}`);
    }
  };
  const job: FileJobSettings = { args, cliRules, cwd: io.cwd };
  // loaded only for --cache (node:crypto with it); the cache lives on the main thread
  const cache = args.cache ? (await import('./result-cache.ts')).openResultCache(io, args.cacheLocation) : undefined;
  const outcomes = cache === undefined && shouldUseWorkers(files)
    ? await lintInWorkers(files, job, onProgress)
    : await lintSequentially(files, job, io, onProgress, cache, new RunImages());
  if (cache !== undefined) {
    try {
      cache.save();
    } catch (error) {
      // the results stand; only the next run is slower
      io.stderr(`tslint-docker: could not write the cache ${cache.path}: ${(error as Error).message}\n`);
    }
  }
  for (const outcome of outcomes) {
    if (outcome.stdout) await io.stdout(outcome.stdout);
    for (const w of outcome.configWarnings) {
      if (!warned.has(w)) io.stderr(`${w}\n`);
      warned.add(w);
    }
    if (args.failureThreshold === undefined && outcome.failureThreshold) threshold = outcome.failureThreshold;
    if (outcome.fix) fixReports.push({ path: outcome.result.filePath, outcome: outcome.fix });
    if (outcome.changed) wouldChange = true;
    results.push(outcome.result);
  }

  if (progress) io.stderr('\r\x1b[K');
  if (args.fixDryRun) return wouldChange ? 1 : 0;

  const visible = results.map((r) => ({ ...r, findings: r.findings.filter((f) => !args.quiet || f.severity === 'error') }));
  const active = visible.flatMap((r) => r.findings.filter((f) => !f.suppressed));
  const failing = active.some((f) => f.ruleId === 'syntax-error' || (threshold !== 'none' && RANK[f.severity] >= RANK[threshold]));
  const warnings = active.filter((f) => f.severity === 'warning').length;
  const exitCode = failing || (args.maxWarnings !== undefined && warnings > args.maxWarnings) ? 1 : 0;

  // after --fix: what was fixed, per file (stderr for machine formats, so their output stays parseable)
  const fixSummary = fixReports
    .filter((r) => r.outcome.applied.length > 0 || r.outcome.dropped.length > 0)
    .map(({ path, outcome }) => {
      const counts = new Map<string, number>();
      for (const a of outcome.applied) counts.set(a.ruleId, (counts.get(a.ruleId) ?? 0) + 1);
      const list = [...counts].map(([id, n]) => (n > 1 ? `${id} x${n}` : id)).join(', ');
      const dropped = outcome.dropped.length > 0 ? `; not applied (result would not parse): ${outcome.dropped.map((d) => d.ruleId).join(', ')}` : '';
      return `${path}: fixed ${outcome.applied.length} problem${outcome.applied.length === 1 ? '' : 's'} (${list})${dropped}\n`;
    })
    .join('');

  const formats = args.format.length > 0 ? args.format : ['stylish'];
  const context = {
    rules: getLinter().metas,
    cwd: io.cwd,
    toolVersion: io.version,
    exitCode,
    docsBaseUrl: 'https://github.com/tslint-docker/tslint-docker/blob/main/docs/rules',
    ...(args.color !== undefined ? { color: args.color } : {}),
  };
  for (const [i, format] of formats.entries()) {
    const reporter = await getReporter(format);
    const reporterContext = format === 'stylish' ? context : { ...context, color: false };
    const target = args.outputFile[i];
    if (target && target !== '-') {
      const fd = openSync(resolve(io.cwd, target), 'w');
      try {
        await writeInPieces(reporter(visible, reporterContext), (text) => writeFileSync(fd, text));
      } finally {
        closeSync(fd);
      }
    } else {
      if (fixSummary && format === 'stylish' && !(args.fix && files.includes('-'))) await io.stdout(fixSummary);
      // with --fix on stdin, stdout carries the fixed file
      const toStderr = args.fix && files.includes('-');
      await writeInPieces(reporter(visible, reporterContext), (text) => (toStderr ? io.stderr(text) : io.stdout(text)));
    }
  }
  if (fixSummary && !formats.includes('stylish')) io.stderr(fixSummary);
  return exitCode;
}

const PIECE_SIZE = 1 << 16;

/**
 * Hands a report to `sink` in pieces of ~64 KB as the reporter makes them, and waits when
 * the sink asks to (a pipe whose reader is behind): a report over thousands of files is
 * then never whole in memory (the SARIF of the corpus is 40 MB), and a write per finding
 * would be slow.
 */
async function writeInPieces(report: Iterable<string>, sink: (text: string) => void | Promise<void>): Promise<void> {
  let pending: string[] = [];
  let size = 0;
  for (const piece of report) {
    pending.push(piece);
    size += piece.length;
    if (size < PIECE_SIZE) continue;
    await sink(pending.join(''));
    pending = [];
    size = 0;
  }
  if (size > 0) await sink(pending.join(''));
}

async function lintSequentially(files: string[], job: FileJobSettings, io: CliIO, onProgress: (done: number, file: string) => void, cache: ResultCache | undefined, images: RunImages): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  for (const [index, file] of files.entries()) {
    onProgress(index + 1, file);
    // every 8th file is often enough, and a run over a few files (a pre-commit hook) never
    // loads node:v8 (~3 ms of a cold start): it sets the one-shot V8 flags and caps the new space
    if (index % 8 === 7) limitYoungGeneration();
    outcomes.push(await lintFile(file, job, io.readStdin, cache, images));
  }
  return outcomes;
}
