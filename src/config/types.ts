import type { PresetName, Severity } from '../linter/types.ts';

/** What a config may set a rule to. */
export type RuleSetting = Severity | 'off';
export const RULE_SETTINGS: readonly RuleSetting[] = ['off', 'error', 'warning', 'info', 'style'];

/** What rules may know of base images: nothing, what the engine and registries say, or the cache of earlier answers only. */
export type ImagesSetting = 'off' | 'resolve' | 'offline';

/** Lowest severity that fails the run; `none` never fails on findings. */
export type FailureThreshold = Severity | 'none';

export type LabelType = 'text' | 'url' | 'semver' | 'hash' | 'rfc3339' | 'spdx' | 'email';

/** What configuration needs to know about a rule (the rule registry provides it). */
export interface KnownRule {
  id: string;
  aliases: readonly string[];
  /** tslint-docker version that introduced the rule, for `ruleset` pinning; absent = in every ruleset */
  since?: string;
  /** its severity in each preset that turns it on */
  presets: Readonly<Partial<Record<PresetName, Severity>>>;
}

export type RuleOptions = Record<string, unknown>;

/** A config file as the schema admits it (ours, or a hadolint file mapped onto ours). */
export interface ConfigFileContent {
  $schema?: string;
  preset?: PresetName;
  ruleset?: string;
  rules?: Record<string, RuleEntry>;
  ignore?: string[];
  failureThreshold?: FailureThreshold;
  trustedRegistries?: string[];
  labelSchema?: Record<string, LabelType>;
  strictLabels?: boolean;
  disableInlineIgnores?: boolean;
  overrides?: OverrideContent[];
  images?: ImagesSetting;
  buildArgs?: Record<string, string>;
}

export type RuleEntry = RuleSetting | [RuleSetting] | [RuleSetting, RuleOptions];

export interface OverrideContent {
  files: string | string[];
  rules?: Record<string, RuleEntry>;
  ignore?: string[];
}

/**
 * The configuration that applies to one Dockerfile. Frozen: files configured alike share one object (resolveConfig
 * memoizes it), so a consumer that wants to change it makes its own copy.
 */
export interface ResolvedConfig {
  /** absolute path of the config file used, or null when none was */
  readonly source: string | null;
  /** the preset: --preset, else the config's, else `hadolint` for a .hadolint.yaml, else `recommended` */
  readonly preset: PresetName;
  /** every known rule id -> its effective setting for this file (the preset's, then the config's and the command line's) */
  readonly rules: Readonly<Record<string, RuleSetting>>;
  /** options given as `[severity, options]`, by rule id */
  readonly ruleOptions: Readonly<Record<string, RuleOptions>>;
  /** settings of the findings that carry a code rather than of a rule (ShellCheck's SC codes), by code */
  readonly codes: Readonly<Record<string, RuleSetting>>;
  readonly failureThreshold: FailureThreshold;
  readonly trustedRegistries: readonly string[];
  readonly labelSchema: Readonly<Record<string, LabelType>>;
  readonly strictLabels: boolean;
  readonly disableInlineIgnores: boolean;
  readonly images: ImagesSetting;
  /** `--build-arg` and the config's buildArgs (BUILDKIT_DOCKERFILE_CHECK replaces the file's `# check=`) */
  readonly buildArgs: Readonly<Record<string, string>>;
  /** things in the config that were accepted but not applied (e.g. hadolint keys with no equivalent) */
  readonly warnings: readonly string[];
}
