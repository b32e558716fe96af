/** The lint command: find files, lint (and fix) each, report, and decide the exit code. */
import { closeSync, existsSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { FailureThreshold, RuleSetting } from '../config/index.ts';
import type { FixOutcome } from '../fix/apply.ts';
import { encodeText } from '../fix/encoding.ts';
import { getLinter } from '../linter/index.ts';
import { parseCheckOptions } from '../linter/check-directive.ts';
import type { FileResult, Severity } from '../linter/types.ts';
import { fileJobSettings, lintFile, type FileJobSettings, type FileOutcome } from './lint-file.ts';
import { lintInWorkers, shouldUseWorkers } from './pool.ts';
import { DEFAULT_REPORTER, getReporter, REPORTER_NAMES } from '../report/index.ts';
import { describeIoError, UsageError } from './errors.ts';
import { plural } from '../report/common.ts';
import { limitYoungGeneration } from './v8-tuning.ts';
import { findFiles } from './files.ts';
import { hadolintSettings } from './hadolint.ts';
import { RunImages } from './images.ts';
import type { CliIO } from './io.ts';
import type { ResultCache } from './result-cache.ts';

export interface LintArgs {
  files: string[];
  format: string[];
  outputFile: string[];
  config?: string;
  noConfig: boolean;
  /** --preset NAME: instead of the config's (checked where the config is resolved) */
  preset?: string;
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
  /** --build-arg NAME=VALUE (repeatable), or NAME to take the value from the environment, as docker build does */
  buildArg: string[];
  /** hadolint's --error/--warning/--info/--style CODE (repeatable): a rule's level, by DL/SC code, id or alias */
  errorRules: string[];
  warningRules: string[];
  infoRules: string[];
  styleRules: string[];
  /** hadolint's --trusted-registry REGISTRY (repeatable), added to the config's trustedRegistries */
  trustedRegistry: string[];
  /** hadolint's --require-label LABEL:FORMAT (repeatable), added to the config's labelSchema */
  requireLabel: string[];
  /** hadolint's --strict-labels and --disable-ignore-pragma */
  strictLabels: boolean;
  disableIgnorePragma: boolean;
  /** hadolint's --no-fail: exit 0 whatever is found */
  noFail: boolean;
  /** ask the engine's store and registries about base images (config `images: resolve`) */
  resolveImages: boolean;
  /** base images from the cache of earlier answers only, no network (config `images: offline`); wins over resolveImages */
  offline: boolean;
}

const PROGRESS_MIN_FILES = 50;
const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1, style: 0 };
const SETTINGS = new Set(['off', 'error', 'warning', 'info', 'style']);

export async function runLint(args: LintArgs, io: CliIO): Promise<number> {
  const hadolint = hadolintSettings(args, io.env ?? process.env);
  for (const f of args.format) {
    if (!(REPORTER_NAMES as readonly string[]).includes(f)) throw new UsageError(`unknown format '${f}': use one of ${REPORTER_NAMES.join(', ')}`);
  }
  // --format, else HADOLINT_FORMAT; with neither, the preset's default (chosen once the files are linted)
  const requested = args.format.length > 0 ? args.format : hadolint.envFormats;
  if (args.outputFile.length > Math.max(1, requested.length)) {
    throw new UsageError('more --output-file than --format values: give one --format per --output-file');
  }
  // two documents one after the other on stdout are neither one nor the other
  const toStdout = requested.filter((_, i) => args.outputFile[i] === undefined || args.outputFile[i] === '-');
  if (toStdout.length > 1) {
    throw new UsageError(`${toStdout.length} formats would write to stdout (${toStdout.join(', ')}): give all but one its own --output-file, in the order of the --format values`);
  }
  const cliRules = parseRuleArgs(args.rule);
  const buildArgs = parseBuildArgs(args.buildArg, io.env ?? process.env);
  const files = await findFiles(args.files, io.cwd);
  const results: FileResult[] = [];
  const fixReports: { path: string; outcome: FixOutcome }[] = [];
  let threshold: FailureThreshold = args.failureThreshold ?? 'info';
  let wouldChange = false;
  const writeErrors: string[] = [];
  const warned = new Set<string>();
  // the settings every file agrees on (SARIF's rule descriptors)
  let ruleSettings: Map<string, RuleSetting> | undefined;

  // a progress line on a terminal for long runs (stderr, so reports stay clean)
  const progress = io.isTTY && files.length >= PROGRESS_MIN_FILES;
  let lastProgress = 0;
  const onProgress = (done: number, file: string) => {
    if (progress && Date.now() - lastProgress > 100) {
      lastProgress = Date.now();
      io.stderr(`\r\x1b[K[${done}/${files.length}] ${file}`);
    }
  };
  const job = fileJobSettings(args, cliRules, buildArgs, hadolint, io.cwd);
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
      io.stderr(`tslint-docker: could not write the cache ${cache.path}: ${describeIoError(error)}\n`);
    }
  }
  for (const outcome of outcomes) {
    // the fixed text or its diff, byte for byte as --fix writes it
    if (outcome.stdout) await io.stdout(encodeText(outcome.stdout));
    if (outcome.writeError) writeErrors.push(outcome.writeError);
    for (const w of outcome.configWarnings) {
      if (!warned.has(w)) io.stderr(`${w}\n`);
      warned.add(w);
    }
    if (args.failureThreshold === undefined && outcome.failureThreshold) threshold = outcome.failureThreshold;
    if (outcome.fix && !outcome.writeError) fixReports.push({ path: outcome.result.filePath, outcome: outcome.fix });
    if (outcome.changed) wouldChange = true;
    if (outcome.ruleSettings !== undefined) ruleSettings = agreeing(ruleSettings, outcome.ruleSettings);
    results.push(outcome.result);
  }

  if (progress) io.stderr('\r\x1b[K');
  for (const e of writeErrors) io.stderr(`tslint-docker: ${e}\n`);
  if (args.fixDryRun) return writeErrors.length > 0 ? 2 : wouldChange ? 1 : 0;

  const visible = results.map((r) => ({ ...r, findings: r.findings.filter((f) => !args.quiet || f.severity === 'error') }));
  const active = visible.flatMap((r) => r.findings.filter((f) => !f.suppressed));
  const failing = active.some((f) => f.ruleId === 'syntax-error' || (threshold !== 'none' && RANK[f.severity] >= RANK[threshold]));
  const warnings = active.filter((f) => f.severity === 'warning').length;
  const tooManyWarnings = args.maxWarnings !== undefined && warnings > args.maxWarnings;
  // in the hadolint preset (every file in it), hadolint's default format and its shape of shared format names
  const hadolintPreset = outcomes.length > 0 && outcomes.every((outcome) => outcome.preset === 'hadolint');
  const formats = requested.length > 0 ? requested : [hadolintPreset ? 'tty' : DEFAULT_REPORTER];
  // a Code Climate engine or a Codacy tool that exits non-zero has failed, not found problems: hadolint exits 0 with these
  const noFail = hadolint.noFail || formats.includes('codeclimate') || formats.includes('codacy');
  const exitCode = !noFail && (failing || tooManyWarnings) ? 1 : 0;

  // after --fix: what was fixed, per file (stderr for machine formats, so their output stays parseable)
  const fixSummary = fixReports
    .filter((r) => r.outcome.applied.length > 0 || r.outcome.dropped.length > 0 || r.outcome.syntaxError !== undefined)
    .map(({ path, outcome }) => {
      if (outcome.syntaxError !== undefined) return `${path}: not fixed: it has a syntax error (${outcome.syntaxError})\n`;
      const counts = new Map<string, number>();
      for (const a of outcome.applied) counts.set(a.ruleId, (counts.get(a.ruleId) ?? 0) + 1);
      const list = [...counts].map(([id, n]) => (n > 1 ? `${id} x${n}` : id)).join(', ');
      const dropped = outcome.dropped.map((d) => `${d.ruleId} on line ${d.line} (${d.reason})`).join(', ');
      return `${path}: fixed ${outcome.applied.length} problem${outcome.applied.length === 1 ? '' : 's'}${list ? ` (${list})` : ''}${dropped ? `; not applied: ${dropped}` : ''}\n`;
    })
    .join('');

  const context = {
    rules: getLinter().metas,
    cwd: io.cwd,
    toolVersion: io.version,
    exitCode,
    ...(ruleSettings !== undefined ? { ruleSettings } : {}),
    ...(args.color !== undefined ? { color: args.color } : {}),
  };
  for (const [i, format] of formats.entries()) {
    const reporter = await getReporter(format, { hadolint: hadolintPreset, results: visible });
    // the formats for people are coloured (when colour is on); the others never
    const reporterContext = format === 'stylish' || format === 'tty' ? context : { ...context, color: false };
    const target = args.outputFile[i];
    if (target && target !== '-') {
      const fd = openReportFile(resolve(io.cwd, target), target);
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
  // a run that fails for this alone would otherwise exit 1 with no word why (ESLint says it too)
  if (tooManyWarnings && !noFail) io.stderr(`tslint-docker: ${plural(warnings, 'warning')}, more than --max-warnings ${args.maxWarnings} allows\n`);
  return writeErrors.length > 0 ? 2 : exitCode;
}

/** The --output-file, its folder created as ESLint does (and as --cache-location does); a failure is the user's to fix. */
function openReportFile(path: string, given: string): number {
  try {
    makeFolders(dirname(path));
    return openSync(path, 'w');
  } catch (error) {
    throw new UsageError(`cannot write the report to ${given}: ${describeIoError(error)}`);
  }
}

/**
 * `dir` and the folders above it that are missing, one mkdir each: Node's recursive mkdir never
 * returns where mkdir fails with ENOENT on a folder that exists (/proc), and a user gets no word.
 */
function makeFolders(dir: string): void {
  const missing: string[] = [];
  for (let folder = dir; !existsSync(folder) && dirname(folder) !== folder; folder = dirname(folder)) missing.push(folder);
  for (const folder of missing.reverse()) mkdirSync(folder);
}

/** the settings of `soFar` that `next` has too (all of `next` for the first file) */
function agreeing(soFar: Map<string, RuleSetting> | undefined, next: Readonly<Record<string, RuleSetting>>): Map<string, RuleSetting> {
  if (soFar === undefined) return new Map(Object.entries(next));
  for (const [id, setting] of soFar) if (next[id] !== setting) soFar.delete(id);
  return soFar;
}

/**
 * `--build-arg NAME=VALUE`, or `NAME` alone for the environment's value (left out when unset), as
 * docker build reads them; the last of a name wins. BUILDKIT_DOCKERFILE_CHECK must parse, as
 * BuildKit fails the build otherwise.
 */
export function parseBuildArgs(given: readonly string[], env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const buildArgs: Record<string, string> = {};
  for (const arg of given) {
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    if (name === '') throw new UsageError(`bad --build-arg '${arg}': use --build-arg NAME=VALUE`);
    const value = eq === -1 ? env[name] : arg.slice(eq + 1);
    if (value === undefined) continue;
    if (name === 'BUILDKIT_DOCKERFILE_CHECK') {
      const problem = parseCheckOptions(value);
      if (typeof problem === 'string') throw new UsageError(`bad --build-arg BUILDKIT_DOCKERFILE_CHECK: ${problem}`);
    }
    buildArgs[name] = value;
  }
  return buildArgs;
}

/** --rule ID=SETTING values, by rule name */
export function parseRuleArgs(rules: readonly string[]): Record<string, RuleSetting> {
  const cliRules: Record<string, RuleSetting> = {};
  for (const r of rules) {
    const m = /^([^=]+)=(.+)$/.exec(r);
    if (!m || !SETTINGS.has(m[2]!)) throw new UsageError(`bad --rule '${r}': use --rule ID=off|error|warning|info|style`);
    cliRules[m[1]!] = m[2] as RuleSetting;
  }
  return cliRules;
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
