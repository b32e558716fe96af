import type { ConfigFileContent, FailureThreshold, LabelType, RuleEntry } from './types.ts';
import type { RuleIndex } from './rule-index.ts';
import { didYouMean } from './suggest.ts';

/** A .hadolint.yaml as its schema admits it; YAML leaves empty keys null. */
export interface HadolintContent {
  ignored?: string[] | null;
  override?: Partial<Record<HadolintLevel, string[] | null>> | null;
  'failure-threshold'?: HadolintLevel | 'ignore' | 'none' | null;
  trustedRegistries?: string | string[] | null;
  'label-schema'?: Record<string, LabelType> | null;
  'strict-labels'?: boolean | null;
  'disable-ignore-pragma'?: boolean | null;
  'no-fail'?: boolean | null;
  [key: string]: unknown;
}

type HadolintLevel = 'error' | 'warning' | 'info' | 'style';
const LEVELS: readonly HadolintLevel[] = ['error', 'warning', 'info', 'style'];

const MAPPED_KEYS = [
  'ignored',
  'override',
  'failure-threshold',
  'trustedRegistries',
  'label-schema',
  'strict-labels',
  'disable-ignore-pragma',
  'no-fail',
];

/** hadolint keys about output, which belong on our command line instead. */
const OUTPUT_KEYS: Record<string, string> = {
  format: 'use --format',
  'no-color': 'set NO_COLOR=1',
  verbose: 'tslint-docker has no verbose mode',
};

/**
 * hadolint fails when a finding is at or above the threshold in its order
 * error > warning > info > style > ignore; `ignore` and `none` therefore fail on any finding.
 */
function mapThreshold(content: HadolintContent): FailureThreshold | undefined {
  if (content['no-fail'] === true) return 'none';
  const threshold = content['failure-threshold'];
  if (threshold === 'ignore' || threshold === 'none') return 'style';
  return threshold ?? undefined;
}

/**
 * Our config equivalent to a hadolint config, so a hadolint user switches with no edits:
 *   preset "hadolint" (hadolint's rules, severities and semantics), ignored -> ignore, override.<level> -> rules (DL codes through rule aliases),
 *   failure-threshold -> failureThreshold, no-fail -> failureThreshold "none",
 *   trustedRegistries (string or list) -> trustedRegistries, label-schema -> labelSchema,
 *   strict-labels -> strictLabels, disable-ignore-pragma -> disableInlineIgnores.
 * Not mapped, with a warning: format, no-color, verbose (output settings), unknown keys
 * (hadolint ignores them too) and codes we do not implement (ShellCheck SCxxxx among them).
 */
export function mapHadolintConfig(
  content: HadolintContent | null,
  index: RuleIndex,
): { content: ConfigFileContent; warnings: string[] } {
  const warnings: string[] = [];
  // a hadolint user gets hadolint's rule set and behaviour
  if (content === null) return { content: { preset: 'hadolint' }, warnings };

  const unimplemented = new Set<string>();
  const toIds = (codes: readonly string[] | null | undefined): string[] =>
    (codes ?? []).flatMap((code) => {
      const id = index.idByName.get(code);
      if (id === undefined) unimplemented.add(code);
      return id === undefined ? [] : [id];
    });

  const rules: Record<string, RuleEntry> = {};
  for (const level of LEVELS) {
    for (const id of toIds(content.override?.[level])) rules[id] = level;
  }
  const ignore = toIds(content.ignored);
  const registries = content.trustedRegistries;

  for (const key of Object.keys(content)) {
    const outputHint = OUTPUT_KEYS[key];
    if (outputHint !== undefined) warnings.push(`'${key}' is not applied (${outputHint})`);
    else if (!MAPPED_KEYS.includes(key)) {
      warnings.push(`unknown key '${key}' ignored${didYouMean(key, MAPPED_KEYS)}`);
    }
  }
  if (unimplemented.size > 0) {
    warnings.push(`rules tslint-docker does not implement, ignored: ${[...unimplemented].join(', ')}`);
  }

  return {
    content: {
      preset: 'hadolint',
      rules,
      ignore,
      failureThreshold: mapThreshold(content),
      trustedRegistries: registries == null ? undefined : Array.isArray(registries) ? registries : [registries],
      labelSchema: content['label-schema'] ?? undefined,
      strictLabels: content['strict-labels'] ?? undefined,
      disableInlineIgnores: content['disable-ignore-pragma'] ?? undefined,
    },
    warnings,
  };
}
