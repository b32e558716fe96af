/** The lint command: find files, lint (and fix) each, report, and decide the exit code. */
import { readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { FailureThreshold, RuleSetting } from '../config/index.ts';
import { fixText, type FixOutcome } from '../fix/apply.ts';
import { unifiedDiff } from '../fix/diff.ts';
import { writeFileAtomic } from '../fix/write.ts';
import { getLinter } from '../linter/index.ts';
import { configFor, lintOptionsFrom } from '../linter/service.ts';
import type { FileResult, Severity } from '../linter/types.ts';
import { getReporter, REPORTER_NAMES } from '../report/index.ts';
import { UsageError } from './errors.ts';
import { findFiles } from './files.ts';
import type { CliIO } from './io.ts';

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
  const files = findFiles(args.files, io.cwd);
  const linter = getLinter();
  const results: FileResult[] = [];
  const fixReports: { path: string; outcome: FixOutcome }[] = [];
  let threshold: FailureThreshold = args.failureThreshold ?? 'info';
  let wouldChange = false;

  // a progress line on a terminal for long runs (stderr, so reports stay clean)
  const progress = io.isTTY && files.length >= PROGRESS_MIN_FILES;
  let lastProgress = 0;
  for (const [index, file] of files.entries()) {
    if (progress && Date.now() - lastProgress > 100) {
      lastProgress = Date.now();
      io.stderr(`\r\x1b[K[${index + 1}/${files.length}] ${file}`);
    }
    const isStdin = file === '-';
    const path = isStdin ? (args.stdinFilename ?? 'Dockerfile') : file;
    let source: string;
    try {
      source = isStdin ? await io.readStdin() : readFileSync(resolve(io.cwd, file), 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
    }
    const config = await configFor({
      filePath: resolve(io.cwd, path),
      ...(args.config !== undefined ? { explicitConfig: resolve(io.cwd, args.config) } : {}),
      noConfig: args.noConfig,
      cliRules,
      cliIgnore: args.ignore,
    });
    for (const w of config.warnings) io.stderr(`${config.source ?? 'config'}: ${w}\n`);
    if (args.failureThreshold === undefined) threshold = config.failureThreshold;
    const options = lintOptionsFrom(config, resolve(io.cwd, path), args.context && resolve(io.cwd, args.context));
    options.filePath = path;
    let text = source;
    if (args.fix || args.fixDryRun) {
      const outcome = fixText(source, (t) => linter.lint(t, options).findings, { unsafe: args.unsafeFixes });
      fixReports.push({ path, outcome });
      text = outcome.output;
      if (text !== source) {
        wouldChange = true;
        if (args.fixDryRun) io.stdout(unifiedDiff(source, text, `a/${path}`, `b/${path}`));
        else if (isStdin) io.stdout(text);
        else writeFileAtomic(resolve(io.cwd, file), text);
      } else if (isStdin && args.fix && !args.fixDryRun) io.stdout(text);
    }
    const result = linter.lint(text, options);
    const { df: _df, ...plain } = result;
    results.push(text !== source ? { ...plain, output: text } : plain);
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
    rules: linter.metas,
    cwd: io.cwd,
    toolVersion: io.version,
    exitCode,
    docsBaseUrl: 'https://github.com/tslint-docker/tslint-docker/blob/main/docs/rules',
    ...(args.color !== undefined ? { color: args.color } : {}),
  };
  for (const [i, format] of formats.entries()) {
    const reporter = await getReporter(format);
    const output = reporter(visible, format === 'stylish' ? context : { ...context, color: false });
    const target = args.outputFile[i];
    if (target && target !== '-') writeFileSync(resolve(io.cwd, target), output);
    else {
      if (fixSummary && format === 'stylish' && !(args.fix && files.includes('-'))) io.stdout(fixSummary);
      if (args.fix && files.includes('-')) io.stderr(output);
      else io.stdout(output);
    }
  }
  if (fixSummary && !formats.includes('stylish')) io.stderr(fixSummary);
  return exitCode;
}

export function displayPath(path: string, cwd: string): string {
  return relative(cwd, resolve(cwd, path)) || path;
}
