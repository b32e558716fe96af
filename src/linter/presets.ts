/**
 * Presets: which rules are on, and at what severity. One table for `recommended` (chosen by
 * measured precision, test/precision/); `hadolint` and `buildkit` follow from each rule's
 * aliases (a DL code, a BuildKit check name); `all` is every rule.
 */
import { BUILDKIT_CHECKS, BUILDKIT_EXPERIMENTAL } from './buildkit-checks.ts';
import { PRESET_NAMES, type PresetName, type RuleMeta, type Severity } from './types.ts';

export { BUILDKIT_CHECKS } from './buildkit-checks.ts';

/**
 * The default preset: rules an experienced Docker engineer agrees with on at least 90% of their
 * findings on real Dockerfiles (each rule's judged sample is in test/precision/judgements/).
 * error: the build fails or the image is broken; warning: a likely bug, a security or size
 * problem; info: a better way that is worth the change.
 */
export const RECOMMENDED: Readonly<Record<string, Severity>> = {
  'syntax-error': 'error',
  // what BuildKit rejects or silently ignores
  'copy-from-own-stage': 'error',
  'copy-from-undefined-stage': 'error',
  'copy-dest-not-directory': 'error',
  'duplicate-stage-name': 'error',
  'expose-port-out-of-range': 'error',
  'instruction-before-from': 'error',
  'onbuild-invalid-trigger': 'error',
  'env-self-reference': 'warning',
  'healthcheck-duplicate': 'warning',
  'multiple-cmd': 'warning',
  'multiple-entrypoint': 'warning',
  'invalid-default-arg-in-from': 'warning',
  'workdir-relative': 'warning',
  'redundant-target-platform': 'info',
  'no-empty-continuation': 'warning',
  'maintainer-deprecated': 'warning',
  'consistent-instruction-casing': 'warning',
  'from-as-casing': 'warning',
  'stage-name-casing': 'warning',
  'stage-name-reserved': 'warning',
  'expose-invalid-format': 'warning',
  'expose-proto-casing': 'warning',
  'copy-ignored-file': 'warning',
  'cmd-shell-form': 'warning',
  'undefined-variable': 'warning',
  'secret-in-env-or-arg': 'warning',
  'pipefail-missing': 'warning',
  // reproducible, failing builds
  'base-image-latest': 'warning',
  'curl-without-fail': 'warning',
  'apt-assume-yes': 'warning',
  'yum-missing-yes': 'warning',
  'dnf-missing-yes': 'warning',
  'zypper-missing-non-interactive': 'warning',
  'apt-instead-of-apt-get': 'warning',
  'sudo-in-run': 'warning',
  // size and cache
  'apt-no-install-recommends': 'info',
  'zypper-clean-missing': 'info',
  'pip-no-cache-dir': 'info',
  'cache-busting-copy': 'warning',
  'add-instead-of-copy': 'info',
  // only active when the configuration names registries or labels
  'untrusted-registry': 'error',
  'label-missing': 'info',
  'label-empty': 'warning',
  'label-not-email': 'warning',
  'label-not-git-hash': 'warning',
  'label-not-rfc3339': 'warning',
  'label-not-semver': 'warning',
  'label-not-spdx': 'warning',
  'label-not-url': 'warning',
  'label-superfluous': 'info',
};

const DL_CODE = /^DL\d{4}$/;
/** hadolint ships these off (its `ignore` severity) */
const HADOLINT_OFF = new Set(['DL1001', 'DL3057']);

/**
 * The rules a preset turns on, with their severity; every other rule is off.
 * `hadolint`: each rule with a DL code (or ShellCheck's SC codes) at hadolint's default severity
 * (the rule's own); `buildkit`: each rule with a BuildKit check name, as a warning, as BuildKit
 * reports them; `all`: every rule at its own severity.
 */
export function presetRules(name: PresetName, metas: readonly PresetRule[]): Map<string, Severity> {
  const on = new Map<string, Severity>();
  for (const meta of metas) {
    const severity = presetSeverity(name, meta);
    if (severity !== undefined) on.set(meta.id, severity);
  }
  return on;
}

/** A rule's setting in every preset, in the order of PRESET_NAMES (`rules`, `explain`, the rule docs). */
export function presetSettings(meta: PresetRule): Record<PresetName, Severity | 'off'> {
  const settings = {} as Record<PresetName, Severity | 'off'>;
  for (const name of PRESET_NAMES) settings[name] = presetSeverity(name, meta) ?? 'off';
  return settings;
}

/** what a preset needs to know of a rule */
export type PresetRule = Pick<RuleMeta, 'id' | 'aliases' | 'severity'>;

/** The severity of one rule in a preset, undefined when the preset leaves it off. */
export function presetSeverity(name: PresetName, meta: PresetRule): Severity | undefined {
  // a file that does not parse fails every build, whatever the preset
  if (meta.id === 'syntax-error') return 'error';
  switch (name) {
    case 'recommended':
      return RECOMMENDED[meta.id];
    case 'all':
      return meta.severity;
    case 'hadolint': {
      if (meta.id === 'shellcheck') return meta.severity;
      const codes = meta.aliases.filter((a) => DL_CODE.test(a));
      return codes.length > 0 && !codes.every((c) => HADOLINT_OFF.has(c)) ? meta.severity : undefined;
    }
    case 'buildkit': {
      const checks = meta.aliases.filter((a) => BUILDKIT_CHECKS.has(a));
      return checks.length > 0 && !checks.every((c) => BUILDKIT_EXPERIMENTAL.has(c)) ? 'warning' : undefined;
    }
  }
}
