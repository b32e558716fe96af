import path from 'node:path';
import { clearDiscoveryCaches, findConfig, loadConfigFile, type FoundConfig } from './discovery.ts';
import { ConfigError, displayPath } from './errors.ts';
import { mapHadolintConfig, type HadolintContent } from './hadolint.ts';
import type { NormalizedConfig, RuleLayer } from './normalize.ts';
import { getRuleIndex, requireRuleId, type RuleIndex } from './rule-index.ts';
import {
  RULE_SETTINGS,
  type ConfigFileContent,
  type KnownRule,
  type ResolvedConfig,
  type RuleOptions,
  type RuleSetting,
} from './types.ts';

export interface ResolveOptions {
  /** --config: use this file instead of searching */
  explicitConfig?: string;
  /** --no-config: use only defaults and command-line settings */
  noConfig?: boolean;
  /** --rule id=setting, applied after every config file setting */
  cliRules?: Readonly<Record<string, RuleSetting>>;
  /** --ignore id */
  cliIgnore?: readonly string[];
  /** every rule the linter has; pass the same array each call so work is shared */
  knownRules: readonly KnownRule[];
}

/** Validated, normalized configs by path; per rule index, since rule names resolve against it. */
let normalizedConfigs = new WeakMap<RuleIndex, Map<string, Promise<NormalizedConfig>>>();

/** Drop every cached config (found, loaded, validated): a long-lived process saw a config file change. */
export function clearConfigCache(): void {
  clearDiscoveryCaches();
  normalizedConfigs = new WeakMap();
}

async function normalizeFound(found: FoundConfig, index: RuleIndex): Promise<NormalizedConfig> {
  // loaded only when a config file is found: ajv and picomatch are a good part of a cold start
  const [{ validateConfigContent }, { normalizeConfig }] = await Promise.all([import('./schema.ts'), import('./normalize.ts')]);
  // an empty file configures nothing
  const raw = found.content === undefined ? {} : found.content;
  const problem = validateConfigContent(found.kind, raw);
  if (problem !== null) throw new ConfigError(problem, found.filePath);
  let content = raw as ConfigFileContent;
  let warnings: string[] = [];
  if (found.kind === 'hadolint') {
    ({ content, warnings } = mapHadolintConfig(raw as HadolintContent | null, index));
  }
  const prefix = displayPath(found.filePath);
  return normalizeConfig(content, found.filePath, index, warnings.map((w) => `${prefix}: ${w}`));
}

function getNormalized(found: FoundConfig, index: RuleIndex): Promise<NormalizedConfig> {
  let byPath = normalizedConfigs.get(index);
  if (byPath === undefined) {
    byPath = new Map();
    normalizedConfigs.set(index, byPath);
  }
  let normalized = byPath.get(found.filePath);
  if (normalized === undefined) {
    normalized = normalizeFound(found, index);
    byPath.set(found.filePath, normalized);
  }
  return normalized;
}

/** "0.1" -> [0, 1, 0]; missing parts count as 0 so "0.1" and "0.1.0" are the same ruleset. */
function versionParts(version: string): number[] {
  const parts = version.split('.').map(Number);
  while (parts.length < 3) parts.push(0);
  return parts;
}

function isNewerThan(version: string, pinned: string): boolean {
  const a = versionParts(version);
  const b = versionParts(pinned);
  for (let i = 0; i < a.length; i++) {
    if (a[i]! !== b[i]!) return a[i]! > b[i]!;
  }
  return false;
}

/** Path of `filePath` relative to the config's folder, as override globs see it. */
function pathForOverrides(config: NormalizedConfig, filePath: string): string {
  return path.relative(path.dirname(config.filePath), filePath).split(path.sep).join('/');
}

function applyLayer(
  layer: RuleLayer,
  settings: Record<string, RuleSetting>,
  options: Record<string, RuleOptions>,
): void {
  for (const [id, change] of layer.rules) {
    settings[id] = change.setting;
    // a bare severity keeps options set earlier, as in ESLint
    if (change.options !== undefined) options[id] = change.options;
  }
  for (const id of layer.ignore) settings[id] = 'off';
}

function commandLineLayer(options: ResolveOptions, index: RuleIndex): RuleLayer {
  const rules = new Map<string, { setting: RuleSetting }>();
  for (const [name, setting] of Object.entries(options.cliRules ?? {})) {
    if (!RULE_SETTINGS.includes(setting)) {
      throw new ConfigError(`--rule ${name}=${String(setting)}: the setting must be one of ${RULE_SETTINGS.join(', ')}`);
    }
    rules.set(requireRuleId(index, name, '--rule'), { setting });
  }
  const ignore = (options.cliIgnore ?? []).map((name) => requireRuleId(index, name, '--ignore'));
  return { rules, ignore };
}

async function selectConfig(filePath: string, options: ResolveOptions, index: RuleIndex) {
  if (options.noConfig === true) {
    if (options.explicitConfig !== undefined) throw new ConfigError('--config and --no-config cannot be used together');
    return null;
  }
  const found =
    options.explicitConfig !== undefined
      ? await loadConfigFile(path.resolve(options.explicitConfig))
      : await findConfig(path.dirname(filePath));
  return found === null ? null : getNormalized(found, index);
}

/**
 * The configuration for one Dockerfile: defaults, then `ruleset` pinning, the config file's
 * top level, its overrides that match the file (in order), then the command line.
 * Throws ConfigError for anything the user must fix.
 */
export async function resolveConfig(filePath: string, options: ResolveOptions): Promise<ResolvedConfig> {
  const absolutePath = path.resolve(filePath);
  const index = getRuleIndex(options.knownRules);
  const config = await selectConfig(absolutePath, options, index);

  const rules: Record<string, RuleSetting> = {};
  const ruleOptions: Record<string, RuleOptions> = {};
  for (const rule of index.rules) {
    const pinnedOut = config?.ruleset !== undefined && rule.since !== undefined && isNewerThan(rule.since, config.ruleset);
    rules[rule.id] = pinnedOut || rule.defaultOff ? 'off' : rule.severity;
  }
  if (config !== null) {
    applyLayer(config.base, rules, ruleOptions);
    const relativePath = pathForOverrides(config, absolutePath);
    for (const override of config.overrides) {
      if (override.matches(relativePath)) applyLayer(override.layer, rules, ruleOptions);
    }
  }
  applyLayer(commandLineLayer(options, index), rules, ruleOptions);

  return {
    source: config?.filePath ?? null,
    rules,
    ruleOptions,
    failureThreshold: config?.failureThreshold ?? 'info',
    // copies: one file's consumer must not change what the next file sees
    trustedRegistries: [...(config?.trustedRegistries ?? [])],
    labelSchema: { ...config?.labelSchema },
    strictLabels: config?.strictLabels ?? false,
    disableInlineIgnores: config?.disableInlineIgnores ?? false,
    images: config?.images ?? 'off',
    warnings: [...(config?.warnings ?? [])],
  };
}
