/**
 * hadolint 2.15's command line and environment (app/Main.hs, src/Hadolint/Config/*.hs) as the
 * settings of a lint run, so a job that calls hadolint switches by changing the program's name.
 * Precedence is hadolint's: its flags over a config file, a config file over HADOLINT_*
 * variables (Main.hs merges environment <> config file <> command line, the right one winning);
 * lists (rule codes, registries, labels) are the union of all three.
 */
import type { CommandLineSettings, EnvironmentDefaults, FailureThreshold, LabelType, ResolveOptions } from '../config/index.ts';
import type { Severity } from '../linter/types.ts';
import { HADOLINT_FORMATS } from '../report/index.ts';
import { thresholdOf, THRESHOLDS } from './argv.ts';
import { UsageError } from './errors.ts';
import type { LintArgs } from './lint.ts';

export type Environment = Readonly<Record<string, string | undefined>>;

/** what the run takes from hadolint's flags and variables, beside the rule settings of --rule and --ignore */
export interface HadolintSettings {
  levels: NonNullable<ResolveOptions['cliLevels']>;
  ignore: string[];
  cliSettings: CommandLineSettings;
  envDefaults: EnvironmentDefaults;
  noFail: boolean;
  /** HADOLINT_FORMAT's formats, for a run given no --format */
  envFormats: string[];
}

const LABEL_TYPES: readonly LabelType[] = ['text', 'url', 'semver', 'hash', 'rfc3339', 'spdx', 'email'];

/** hadolint's truthy values (Config/Environment.hs); any other value is false */
function truthy(value: string | undefined): boolean | undefined {
  return value === undefined ? undefined : ['1', 'y', 'on', 'true', 'yes'].includes(value.toLowerCase());
}

/** a comma-separated HADOLINT_* list; hadolint keeps spaces in its items, which then match nothing, so they are trimmed */
function commaList(value: string | undefined): string[] {
  return (value ?? '').split(',').map((item) => item.trim()).filter((item) => item !== '');
}

/** LABEL:FORMAT (a bare LABEL is text, as in hadolint); undefined for an unknown format */
function labelSchemaItem(item: string): [string, LabelType] | undefined {
  const colon = item.indexOf(':');
  const name = colon === -1 ? item : item.slice(0, colon);
  const format = colon === -1 ? 'text' : item.slice(colon + 1) || 'text';
  const type = LABEL_TYPES.find((t) => t === format);
  return type === undefined ? undefined : [name, type];
}

export function hadolintSettings(args: LintArgs, env: Environment): HadolintSettings {
  const levels: Record<Severity, string[]> = {
    error: [...commaList(env.HADOLINT_OVERRIDE_ERROR), ...args.errorRules],
    warning: [...commaList(env.HADOLINT_OVERRIDE_WARNING), ...args.warningRules],
    info: [...commaList(env.HADOLINT_OVERRIDE_INFO), ...args.infoRules],
    style: [...commaList(env.HADOLINT_OVERRIDE_STYLE), ...args.styleRules],
  };
  const labelSchema: Record<string, LabelType> = {};
  // hadolint drops a variable's item it cannot read, and refuses such a flag
  for (const item of commaList(env.HADOLINT_REQUIRE_LABELS)) {
    const entry = labelSchemaItem(item);
    if (entry !== undefined) labelSchema[entry[0]] = entry[1];
  }
  for (const item of args.requireLabel) {
    const entry = labelSchemaItem(item);
    if (entry === undefined) throw new UsageError(`bad --require-label '${item}': use LABEL:FORMAT, FORMAT one of ${LABEL_TYPES.join(', ')}`);
    labelSchema[entry[0]] = entry[1];
  }
  const cliSettings: CommandLineSettings = {
    trustedRegistries: [...commaList(env.HADOLINT_TRUSTED_REGISTRIES), ...args.trustedRegistry],
    labelSchema,
    ...(args.strictLabels && { strictLabels: true }),
    ...(args.disableIgnorePragma && { disableInlineIgnores: true }),
  };
  const envDefaults: EnvironmentDefaults = {};
  const threshold = THRESHOLDS.find((t) => t === env.HADOLINT_FAILURE_THRESHOLD);
  if (threshold !== undefined) envDefaults.failureThreshold = hadolintThreshold(threshold);
  const strictLabels = truthy(env.HADOLINT_STRICT_LABELS);
  if (strictLabels !== undefined) envDefaults.strictLabels = strictLabels;
  const disableIgnorePragma = truthy(env.HADOLINT_DISABLE_IGNORE_PRAGMA);
  if (disableIgnorePragma !== undefined) envDefaults.disableInlineIgnores = disableIgnorePragma;
  return {
    levels,
    ignore: [...commaList(env.HADOLINT_IGNORE), ...args.ignore],
    cliSettings,
    envDefaults,
    noFail: args.noFail || truthy(env.HADOLINT_NOFAIL) === true,
    envFormats: commaList(env.HADOLINT_FORMAT).filter((name) => (HADOLINT_FORMATS as readonly string[]).includes(name)),
  };
}

/** HADOLINT_FAILURE_THRESHOLD is read as hadolint reads it: `none`, like `ignore`, fails on any finding */
function hadolintThreshold(value: (typeof THRESHOLDS)[number]): FailureThreshold {
  return value === 'none' ? 'style' : thresholdOf(value);
}
