/**
 * Linting one document the way the CLI and the language server both do: the
 * configuration for its path, its build context, every enabled rule. One place,
 * so the editor shows exactly what CI reports.
 */
import { dirname, resolve } from 'node:path';
import { resolveConfig, type KnownRule, type ResolvedConfig, type ResolveOptions, type RuleSetting } from '../config/index.ts';
import { loadContext } from '../model/index.ts';
import { getLinter } from './index.ts';
import type { LintOptions } from './linter.ts';
import type { Dockerfile } from '../parser/ast.ts';
import { presetSeverity } from './presets.ts';
import { PRESET_NAMES, type FileResult, type PresetName, type Severity } from './types.ts';

export interface LintRequest {
  source: string;
  /** the document's path (for config discovery and the build context); stdin uses the cwd */
  filePath: string;
  explicitConfig?: string;
  noConfig?: boolean;
  /** --preset NAME */
  preset?: string;
  cliRules?: Readonly<Record<string, RuleSetting>>;
  cliIgnore?: readonly string[];
  /** hadolint's flags and HADOLINT_* variables (see ResolveOptions) */
  cliLevels?: ResolveOptions['cliLevels'];
  cliSettings?: ResolveOptions['cliSettings'];
  envDefaults?: ResolveOptions['envDefaults'];
  /** --context DIR; default: the Dockerfile's folder */
  contextDir?: string;
}

export interface LintResponse {
  result: FileResult & { df: Dockerfile };
  config: ResolvedConfig;
  options: LintOptions;
}

let known: KnownRule[] | undefined;

/** the registry as configuration sees it (the same array every call: config caches key on it) */
export function knownRules(): readonly KnownRule[] {
  known ??= getLinter().metas.map((m) => {
    const presets: Partial<Record<PresetName, Severity>> = {};
    for (const name of PRESET_NAMES) {
      const severity = presetSeverity(name, m);
      if (severity !== undefined) presets[name] = severity;
    }
    const rule: KnownRule = { id: m.id, aliases: m.aliases, presets };
    const since = (m as { since?: string }).since;
    if (since) rule.since = since;
    return rule;
  });
  return known;
}

export async function configFor(req: Omit<LintRequest, 'source'>): Promise<ResolvedConfig> {
  const options: Parameters<typeof resolveConfig>[1] = { knownRules: knownRules() };
  if (req.explicitConfig !== undefined) options.explicitConfig = req.explicitConfig;
  if (req.noConfig) options.noConfig = true;
  if (req.preset !== undefined) options.preset = req.preset;
  if (req.cliRules) options.cliRules = req.cliRules;
  if (req.cliIgnore) options.cliIgnore = req.cliIgnore;
  if (req.cliLevels) options.cliLevels = req.cliLevels;
  if (req.cliSettings) options.cliSettings = req.cliSettings;
  if (req.envDefaults) options.envDefaults = req.envDefaults;
  return resolveConfig(req.filePath, options);
}

export function lintOptionsFrom(config: ResolvedConfig, filePath: string, contextDir?: string): LintOptions {
  const absolute = resolve(filePath);
  return {
    filePath,
    preset: config.preset,
    rules: config.rules,
    ruleOptions: config.ruleOptions,
    ...(Object.keys(config.codes).length > 0 && { codes: config.codes }),
    trustedRegistries: config.trustedRegistries,
    labelSchema: config.labelSchema,
    strictLabels: config.strictLabels,
    disableInlineIgnores: config.disableInlineIgnores,
    ...(Object.keys(config.buildArgs).length > 0 && { buildArgs: config.buildArgs }),
    context: loadContext(resolve(contextDir ?? dirname(absolute)), absolute, contextDir !== undefined),
  };
}

export async function lintDocument(req: LintRequest): Promise<LintResponse> {
  const config = await configFor(req);
  const options = lintOptionsFrom(config, req.filePath, req.contextDir);
  return { result: getLinter().lint(req.source, options), config, options };
}
