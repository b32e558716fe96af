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
import { decodeText, encodeText } from '../fix/encoding.ts';
import { writeFileAtomic, WriteError } from '../fix/write.ts';
import { getLinter } from '../linter/index.ts';
import { configFor, lintOptionsFrom } from '../linter/service.ts';
import type { FileResult, Finding, PresetName } from '../linter/types.ts';
import { describeIoError, UsageError } from './errors.ts';
import type { HadolintSettings } from './hadolint.ts';
import { imagesSetting, type RunImages } from './images.ts';
import type { LintArgs } from './lint.ts';
import type { ResultCache } from './result-cache.ts';

/** what every file's lint needs: plain data, so it can cross to a worker thread */
export interface FileJobSettings {
  args: LintArgs;
  cliRules: Record<string, RuleSetting>;
  /** what hadolint's flags and HADOLINT_* variables set; its cliSettings also hold --build-arg */
  hadolint: HadolintSettings;
  cwd: string;
}

/**
 * The job's settings, --build-arg (over the config's buildArgs) joined to the command line's rule
 * settings here, once: the config memo compares them by identity, so files configured alike
 * share one resolved config.
 */
export function fileJobSettings(
  args: LintArgs, cliRules: Record<string, RuleSetting>, buildArgs: Record<string, string>, hadolint: HadolintSettings, cwd: string,
): FileJobSettings {
  const withBuildArgs = Object.keys(buildArgs).length > 0 ? { ...hadolint, cliSettings: { ...hadolint.cliSettings, buildArgs } } : hadolint;
  return { args, cliRules, hadolint: withBuildArgs, cwd };
}

export interface FileOutcome {
  result: FileResult;
  fix?: FixOutcome;
  /** --fix changed (or --diff would change) the text */
  changed: boolean;
  /** a diff (--diff) or the fixed text (--fix on stdin); its lone surrogates are bytes that were not UTF-8 (see encoding.ts) */
  stdout: string;
  /** --fix could not write the file: `cannot write F: it is read-only` (the report is of the file as it is) */
  writeError?: string;
  /** lines to print once per run: the configuration's, and image resolution's (a registry down) */
  configWarnings: readonly string[];
  failureThreshold?: FailureThreshold;
  /** the preset the file was linted in */
  preset: PresetName;
  /** every rule's resolved setting, when a SARIF report describes them */
  ruleSettings?: Record<string, RuleSetting>;
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
    // bytes that are not UTF-8 survive a --fix unchanged (encoding.ts)
    source = isStdin ? await readStdin() : decodeText(readFileSync(absoluteFile));
  } catch (error) {
    throw new UsageError(`cannot read ${isStdin ? 'stdin' : file}: ${describeIoError(error)}`);
  }
  const config = await configFor({
    filePath: absolutePath,
    ...(args.config !== undefined ? { explicitConfig: resolve(cwd, args.config) } : {}),
    noConfig: args.noConfig,
    ...(args.preset !== undefined ? { preset: args.preset } : {}),
    cliRules: job.cliRules,
    cliIgnore: job.hadolint.ignore,
    cliLevels: job.hadolint.levels,
    cliSettings: job.hadolint.cliSettings,
    envDefaults: job.hadolint.envDefaults,
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
    // each warning already starts with its config file's path
    configWarnings: config.warnings,
    failureThreshold: config.failureThreshold,
    preset: options.preset ?? 'recommended',
  };
  if (args.format.includes('sarif')) outcome.ruleSettings = config.rules;
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
      else {
        try {
          writeFileAtomic(absoluteFile, encodeText(text));
        } catch (error) {
          if (!(error instanceof WriteError)) throw error;
          outcome.writeError = `cannot write ${file}: ${error.message}`;
          outcome.changed = false;
          text = source;
        }
      }
    } else if (isStdin && args.fix && !args.fixDryRun) outcome.stdout = text;
  }
  // the fixed text may name images the source did not (a pinned digest)
  if (resolver?.hasMisses()) await resolver.resolveMisses();
  const findings = text === source && known !== undefined ? known : findingsOf(text);
  // the config's list is shared by the files configured alike: a new list
  if (resolver) outcome.configWarnings = [...outcome.configWarnings, ...resolver.takeWarnings()];
  outcome.result = text !== source ? { filePath: path, source: text, findings, output: text } : { filePath: path, source: text, findings };
  return outcome;
}
