export { ConfigError } from './errors.ts';
export { starterConfigText } from './init.ts';
export { clearConfigCache, resolveConfig, type CommandLineSettings, type EnvironmentDefaults, type ResolveOptions } from './resolve.ts';
export type {
  FailureThreshold,
  ImagesSetting,
  KnownRule,
  LabelType,
  ResolvedConfig,
  RuleOptions,
  RuleSetting,
} from './types.ts';
export { RULE_SETTINGS } from './types.ts';
