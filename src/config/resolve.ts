import path from 'node:path';
import type { Severity } from '../linter/types.ts';
import { clearDiscoveryCaches, findConfig, loadConfigFile, type FoundConfig } from './discovery.ts';
import { ConfigError, displayPath } from './errors.ts';
import { mapHadolintConfig, type HadolintContent } from './hadolint.ts';
import type { NormalizedConfig, RuleLayer } from './normalize.ts';
import { getRuleIndex, requireRuleId, type RuleIndex } from './rule-index.ts';
import { didYouMean } from './suggest.ts';
import { PRESET_NAMES, type PresetName } from '../linter/types.ts';
import {
  RULE_SETTINGS,
  type ConfigFileContent,
  type FailureThreshold,
  type KnownRule,
  type LabelType,
  type ResolvedConfig,
  type RuleOptions,
  type RuleSetting,
} from './types.ts';

export interface ResolveOptions {
  /** --config: use this file instead of searching */
  explicitConfig?: string;
  /** --no-config: use only defaults and command-line settings */
  noConfig?: boolean;
  /** --preset NAME, instead of the config's */
  preset?: string;
  /** --rule id=setting, applied after every config file setting */
  cliRules?: Readonly<Record<string, RuleSetting>>;
  /** --ignore id */
  cliIgnore?: readonly string[];
  /**
   * hadolint's --error/--warning/--info/--style CODE (and HADOLINT_OVERRIDE_*): applied before
   * --rule, style first and error last, so a code given two levels gets the higher, as in hadolint
   */
  cliLevels?: Readonly<Partial<Record<Severity, readonly string[]>>>;
  /** hadolint's flags (and HADOLINT_* lists) that add to a config file's: --trusted-registry, --require-label, --strict-labels, --disable-ignore-pragma */
  cliSettings?: CommandLineSettings;
  /** hadolint's HADOLINT_* variables that a config file's setting overrides, as in hadolint */
  envDefaults?: EnvironmentDefaults;
  /** every rule the linter has; pass the same array each call so work is shared */
  knownRules: readonly KnownRule[];
}

export interface CommandLineSettings {
  trustedRegistries?: readonly string[];
  /** --build-arg NAME=VALUE, over the config's buildArgs */
  buildArgs?: Readonly<Record<string, string>>;
  labelSchema?: Readonly<Record<string, LabelType>>;
  strictLabels?: boolean;
  disableInlineIgnores?: boolean;
}

export interface EnvironmentDefaults {
  failureThreshold?: FailureThreshold;
  strictLabels?: boolean;
  disableInlineIgnores?: boolean;
}

/** ShellCheck's codes name findings of the shellcheck rule, not rules */
const SHELLCHECK_CODE = /^SC\d{4}$/;
/** hadolint's codes: one this tool lacks is passed over with a warning, as hadolint passes over any code */
const HADOLINT_CODE = /^DL\d{4}$/;
const LEVELS_LOW_TO_HIGH: readonly Severity[] = ['style', 'info', 'warning', 'error'];

/**
 * Every rule's setting in a preset (rules newer than a pinned `ruleset` off), made once per
 * (preset, ruleset): building the 95 entries for every file was ~3% of a corpus run.
 */
const presetRuleMaps = new WeakMap<RuleIndex, Map<string, Readonly<Record<string, RuleSetting>>>>();
function presetRules(index: RuleIndex, preset: PresetName, ruleset: string | undefined): Readonly<Record<string, RuleSetting>> {
  let byKey = presetRuleMaps.get(index);
  if (!byKey) presetRuleMaps.set(index, (byKey = new Map()));
  const key = `${preset}\0${ruleset ?? ''}`;
  let rules = byKey.get(key);
  if (!rules) {
    const built: Record<string, RuleSetting> = {};
    for (const rule of index.rules) {
      const pinnedOut = ruleset !== undefined && rule.since !== undefined && isNewerThan(rule.since, ruleset);
      built[rule.id] = pinnedOut ? 'off' : rule.presets[preset] ?? 'off';
    }
    rules = built;
    byKey.set(key, rules);
  }
  return rules;
}

/** Validated, normalized configs by path; per rule index, since rule names resolve against it. */
let normalizedConfigs = new WeakMap<RuleIndex, Map<string, Promise<NormalizedConfig>>>();

/** Drop every cached config (found, loaded, validated): a long-lived process saw a config file change. */
export function clearConfigCache(): void {
  clearDiscoveryCaches();
  normalizedConfigs = new WeakMap();
  resolvedMemos = new WeakMap();
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

/**
 * The command line's rule settings. A ShellCheck code sets the findings that carry it (`codes`);
 * a DL code of a rule hadolint has and this tool lacks is reported in `warnings`.
 */
function commandLineLayer(options: ResolveOptions, index: RuleIndex): RuleLayer & { codes: Record<string, RuleSetting>; warnings: string[] } {
  const rules = new Map<string, { setting: RuleSetting }>();
  const codes: Record<string, RuleSetting> = {};
  const unimplemented = new Set<string>();
  const set = (name: string, setting: RuleSetting, where: string) => {
    const id = index.idByName.get(name);
    if (id !== undefined) rules.set(id, { setting });
    else if (SHELLCHECK_CODE.test(name)) codes[name] = setting;
    else if (HADOLINT_CODE.test(name)) unimplemented.add(name);
    else requireRuleId(index, name, where);
  };
  for (const level of LEVELS_LOW_TO_HIGH) {
    for (const name of options.cliLevels?.[level] ?? []) set(name, level, `--${level}`);
  }
  for (const [name, setting] of Object.entries(options.cliRules ?? {})) {
    if (!RULE_SETTINGS.includes(setting)) {
      throw new ConfigError(`--rule ${name}=${String(setting)}: the setting must be one of ${RULE_SETTINGS.join(', ')}`);
    }
    set(name, setting, '--rule');
  }
  const ignore: string[] = [];
  for (const name of options.cliIgnore ?? []) {
    const id = index.idByName.get(name);
    if (id !== undefined) ignore.push(id);
    else set(name, 'off', '--ignore');
  }
  const warnings = unimplemented.size > 0 ? [`command line: rules tslint-docker does not implement, ignored: ${[...unimplemented].join(', ')}`] : [];
  return { rules, ignore, codes, warnings };
}

function commandLinePreset(name: string | undefined): PresetName | undefined {
  if (name === undefined) return undefined;
  const preset = PRESET_NAMES.find((p) => p === name);
  if (preset === undefined) {
    throw new ConfigError(`unknown preset '${name}' in --preset${didYouMean(name, PRESET_NAMES)}; use one of ${PRESET_NAMES.join(', ')}`);
  }
  return preset;
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
 * The configuration for one Dockerfile: the preset's rules and severities, then `ruleset`
 * pinning, the config file's top level, its overrides that match the file (in order), then the
 * command line. Throws ConfigError for anything the user must fix.
 */
export async function resolveConfig(filePath: string, options: ResolveOptions): Promise<ResolvedConfig> {
  const absolutePath = path.resolve(filePath);
  const index = getRuleIndex(options.knownRules);
  const cliPreset = commandLinePreset(options.preset);
  const config = await selectConfig(absolutePath, options, index);
  // files under one config with the same matching overrides and the same command line resolve alike
  const matching = config === null ? [] : overridesMatching(config, pathForOverrides(config, absolutePath));
  const memo = resolvedMemo(config, matching.join(','), options);
  memo.result ??= freezeResolved(resolveFresh(config, matching, cliPreset, options, index));
  return memo.result;
}

/** the indexes of the config's overrides whose globs match the file, in order */
function overridesMatching(config: NormalizedConfig, relativePath: string): number[] {
  const matching: number[] = [];
  config.overrides.forEach((override, i) => {
    if (override.matches(relativePath)) matching.push(i);
  });
  return matching;
}

/**
 * Resolved configs made for earlier files, by config file (null: none) and the overrides that
 * matched, each kept with the command-line settings it was made from (compared by identity: the
 * CLI passes the same objects for every file). The result is frozen: every file shares it.
 * Resolving ~100 rule settings per file was ~5% of a one-process run over the corpus.
 */
interface MemoEntry {
  /** the matching overrides' indexes, joined */
  matched: string;
  preset: string | undefined;
  inputs: readonly unknown[];
  result?: ResolvedConfig;
}
const NO_CONFIG = {};
const MEMO_LIMIT = 32;
let resolvedMemos = new WeakMap<object, MemoEntry[]>();

function resolvedMemo(config: NormalizedConfig | null, matched: string, options: ResolveOptions): MemoEntry {
  const inputs = [options.knownRules, options.cliRules, options.cliIgnore, options.cliLevels, options.cliSettings, options.envDefaults];
  const key = config ?? NO_CONFIG;
  let entries = resolvedMemos.get(key);
  if (entries === undefined) resolvedMemos.set(key, (entries = []));
  const found = entries.find((e) => e.matched === matched && e.preset === options.preset && e.inputs.every((v, i) => v === inputs[i]));
  if (found) return found;
  const entry: MemoEntry = { matched, preset: options.preset, inputs };
  // a long-lived process (the language server) changing its settings: the oldest go first
  if (entries.length >= MEMO_LIMIT) entries.shift();
  entries.push(entry);
  return entry;
}

function freezeResolved(resolved: ResolvedConfig): ResolvedConfig {
  for (const part of [resolved.rules, resolved.ruleOptions, resolved.codes, resolved.trustedRegistries, resolved.labelSchema, resolved.buildArgs, resolved.warnings]) Object.freeze(part);
  return Object.freeze(resolved);
}

function resolveFresh(config: NormalizedConfig | null, matching: readonly number[], cliPreset: PresetName | undefined, options: ResolveOptions, index: RuleIndex): ResolvedConfig {
  const preset = cliPreset ?? config?.preset ?? 'recommended';

  // a copy: the layers below change it
  const rules: Record<string, RuleSetting> = { ...presetRules(index, preset, config?.ruleset) };
  const ruleOptions: Record<string, RuleOptions> = {};
  if (config !== null) {
    applyLayer(config.base, rules, ruleOptions);
    for (const i of matching) applyLayer(config.overrides[i]!.layer, rules, ruleOptions);
  }
  const commandLine = commandLineLayer(options, index);
  applyLayer(commandLine, rules, ruleOptions);
  const cli = options.cliSettings ?? {};
  const env = options.envDefaults ?? {};

  return {
    source: config?.filePath ?? null,
    preset,
    rules,
    ruleOptions,
    codes: commandLine.codes,
    failureThreshold: config?.failureThreshold ?? env.failureThreshold ?? 'info',
    // copies: one file's consumer must not change what the next file sees; the command line adds to the config's
    trustedRegistries: [...new Set([...(config?.trustedRegistries ?? []), ...(cli.trustedRegistries ?? [])])],
    labelSchema: { ...config?.labelSchema, ...cli.labelSchema },
    strictLabels: cli.strictLabels || (config?.strictLabels ?? env.strictLabels ?? false),
    disableInlineIgnores: cli.disableInlineIgnores || (config?.disableInlineIgnores ?? env.disableInlineIgnores ?? false),
    images: config?.images ?? 'off',
    buildArgs: { ...config?.buildArgs, ...cli.buildArgs },
    warnings: [...(config?.warnings ?? []), ...commandLine.warnings],
  };
}
