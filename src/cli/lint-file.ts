/**
 * Linting (and fixing) one file as the CLI does: its config, its context, fixes, the
 * report data. Side effects on the file (an atomic write) happen here; text meant for
 * stdout comes back in the outcome, so callers print in file order even when files
 * are linted on worker threads.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FailureThreshold, RuleSetting } from '../config/index.ts';
import { fixText, type FixOutcome } from '../fix/apply.ts';
import { unifiedDiff } from '../fix/diff.ts';
import { writeFileAtomic } from '../fix/write.ts';
import { getLinter } from '../linter/index.ts';
import { configFor, lintOptionsFrom } from '../linter/service.ts';
import type { FileResult, Finding } from '../linter/types.ts';
import { UsageError } from './errors.ts';
import { imagesSetting, type RunImages } from './images.ts';
import type { LintArgs } from './lint.ts';
import type { ResultCache } from './result-cache.ts';

/** what every file's lint needs: plain data, so it can cross to a worker thread */
export interface FileJobSettings {
  args: LintArgs;
  cliRules: Record<string, RuleSetting>;
  cwd: string;
}

export interface FileOutcome {
  result: FileResult;
  fix?: FixOutcome;
  /** --fix changed (or --diff would change) the text */
  changed: boolean;
  /** a diff (--diff) or the fixed text (--fix on stdin) */
  stdout: string;
  /** lines to print once per run: the configuration's, and image resolution's (a registry down) */
  configWarnings: string[];
  failureThreshold?: FailureThreshold;
}

/**
 * With a `cache` (--cache, on the main thread), stdin excepted, each lint call goes through it.
 * With images on (`images` gives the run's resolvers), the lint answers from what is known,
 * what it missed is resolved, and it runs again: a warm image cache costs one lint.
 */
export async function lintFile(file: string, job: FileJobSettings, readStdin: () => Promise<string>, cache?: ResultCache, images?: RunImages): Promise<FileOutcome> {
  const { args, cwd } = job;
  const isStdin = file === '-';
  const path = isStdin ? (args.stdinFilename ?? 'Dockerfile') : file;
  const absoluteFile = resolve(cwd, file);
  // the path config lookup and the build context go by (stdin's is --stdin-filename)
  const absolutePath = isStdin ? resolve(cwd, path) : absoluteFile;
  let source: string;
  try {
    source = isStdin ? await readStdin() : readFileSync(absoluteFile, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const config = await configFor({
    filePath: absolutePath,
    ...(args.config !== undefined ? { explicitConfig: resolve(cwd, args.config) } : {}),
    noConfig: args.noConfig,
    cliRules: job.cliRules,
    cliIgnore: args.ignore,
  });
  const options = lintOptionsFrom(config, absolutePath, args.context ? resolve(cwd, args.context) : undefined);
  options.filePath = path;
  const setting = imagesSetting(args, config);
  const resolver = setting === 'off' || images === undefined ? undefined : await images.resolver(setting);
  if (resolver) options.images = resolver.lookup;
  const linter = getLinter();
  const outcome: FileOutcome = {
    result: { filePath: path, source, findings: [] },
    changed: false,
    stdout: '',
    configWarnings: config.warnings.map((w) => `${config.source ?? 'config'}: ${w}`),
    failureThreshold: config.failureThreshold,
  };
  const findingsOf = cache === undefined || isStdin
    ? (t: string) => linter.lint(t, options).findings
    : (t: string) => cache.findings(absoluteFile, t, options, (o) => linter.lint(t, o).findings);
  // the findings of `source` once the images they asked about were resolved
  let known: Finding[] | undefined;
  if (resolver) {
    known = findingsOf(source);
    if (resolver.hasMisses()) {
      await resolver.resolveMisses();
      known = undefined;
    }
  }
  let text = source;
  if (args.fix || args.fixDryRun) {
    const fixed = fixText(source, findingsOf, { unsafe: args.unsafeFixes });
    outcome.fix = fixed;
    text = fixed.output;
    if (text !== source) {
      outcome.changed = true;
      if (args.fixDryRun) outcome.stdout = unifiedDiff(source, text, `a/${path}`, `b/${path}`);
      else if (isStdin) outcome.stdout = text;
      else writeFileAtomic(absoluteFile, text);
    } else if (isStdin && args.fix && !args.fixDryRun) outcome.stdout = text;
  }
  // the fixed text may name images the source did not (a pinned digest)
  if (resolver?.hasMisses()) await resolver.resolveMisses();
  const findings = text === source && known !== undefined ? known : findingsOf(text);
  if (resolver) outcome.configWarnings.push(...resolver.takeWarnings());
  outcome.result = text !== source ? { filePath: path, source: text, findings, output: text } : { filePath: path, source: text, findings };
  return outcome;
}
