import picomatch from 'picomatch';
import { parseCheckOptions } from '../linter/check-directive.ts';
import type { PresetName } from '../linter/types.ts';
import { ConfigError } from './errors.ts';
import type {
  ConfigFileContent,
  FailureThreshold,
  ImagesSetting,
  LabelType,
  RuleEntry,
  RuleOptions,
  RuleSetting,
} from './types.ts';
import { requireRuleId, type RuleIndex } from './rule-index.ts';

/** One rule's setting from a config layer, by rule id. */
export interface RuleChange {
  setting: RuleSetting;
  options?: RuleOptions;
}

/** `rules` then `ignore`, as the top level or one override sets them. */
export interface RuleLayer {
  rules: ReadonlyMap<string, RuleChange>;
  ignore: readonly string[];
}

export interface NormalizedOverride {
  /** tests a path relative to the config file's folder, with `/` separators */
  matches: (relativePath: string) => boolean;
  layer: RuleLayer;
}

/** A validated config file with rule names turned into ids and globs compiled. */
export interface NormalizedConfig {
  filePath: string;
  preset?: PresetName;
  ruleset?: string;
  base: RuleLayer;
  overrides: NormalizedOverride[];
  failureThreshold?: FailureThreshold;
  trustedRegistries?: string[];
  labelSchema?: Record<string, LabelType>;
  strictLabels?: boolean;
  disableInlineIgnores?: boolean;
  images?: ImagesSetting;
  buildArgs?: Record<string, string>;
  warnings: string[];
}

function normalizeRules(
  rules: Record<string, RuleEntry> | undefined,
  where: string,
  index: RuleIndex,
  filePath: string,
): Map<string, RuleChange> {
  const changes = new Map<string, RuleChange>();
  for (const [name, entry] of Object.entries(rules ?? {})) {
    const id = requireRuleId(index, name, where, filePath);
    changes.set(id, Array.isArray(entry) ? { setting: entry[0], options: entry[1] } : { setting: entry });
  }
  return changes;
}

function normalizeLayer(
  rules: Record<string, RuleEntry> | undefined,
  ignore: readonly string[] | undefined,
  where: string,
  index: RuleIndex,
  filePath: string,
): RuleLayer {
  const prefix = where === '' ? '' : `${where}.`;
  return {
    rules: normalizeRules(rules, `${prefix}rules`, index, filePath),
    ignore: (ignore ?? []).map((name) => requireRuleId(index, name, `${prefix}ignore`, filePath)),
  };
}

/**
 * A glob without `/` matches at any depth, as in .gitignore (`*.dockerfile`); one with `/` is
 * anchored at the config file's folder (`services/api/**`).
 */
function compileFiles(files: string | string[]): (relativePath: string) => boolean {
  const globs = (Array.isArray(files) ? files : [files]).map((glob) => {
    const trimmed = glob.startsWith('./') ? glob.slice(2) : glob;
    return trimmed.includes('/') ? trimmed.replace(/^\//, '') : `**/${trimmed}`;
  });
  return picomatch(globs, { dot: true });
}

export function normalizeConfig(
  content: ConfigFileContent,
  filePath: string,
  index: RuleIndex,
  warnings: string[],
): NormalizedConfig {
  return {
    filePath,
    preset: content.preset,
    ruleset: content.ruleset,
    base: normalizeLayer(content.rules, content.ignore, '', index, filePath),
    overrides: (content.overrides ?? []).map((override, i) => ({
      matches: compileFiles(override.files),
      layer: normalizeLayer(override.rules, override.ignore, `overrides[${i}]`, index, filePath),
    })),
    failureThreshold: content.failureThreshold,
    trustedRegistries: content.trustedRegistries,
    labelSchema: content.labelSchema,
    strictLabels: content.strictLabels,
    disableInlineIgnores: content.disableInlineIgnores,
    images: content.images,
    buildArgs: checkedBuildArgs(content.buildArgs, filePath),
    warnings,
  };
}

/** BUILDKIT_DOCKERFILE_CHECK must parse, as BuildKit fails the build otherwise */
function checkedBuildArgs(buildArgs: Record<string, string> | undefined, filePath: string): Record<string, string> | undefined {
  const check = buildArgs?.['BUILDKIT_DOCKERFILE_CHECK'];
  const problem = check === undefined ? undefined : parseCheckOptions(check);
  if (typeof problem === 'string') throw new ConfigError(`buildArgs.BUILDKIT_DOCKERFILE_CHECK: ${problem}`, filePath);
  return buildArgs;
}
