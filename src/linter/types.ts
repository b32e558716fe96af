import type { Range } from '../parser/source.ts';

export type Severity = 'error' | 'warning' | 'info' | 'style';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'style'];

/**
 * A preset chooses which rules are on, at what severity, and the few semantics that differ:
 * `recommended` (the default) only rules measured precise on real Dockerfiles; `hadolint`
 * hadolint's rule set and behaviour; `buildkit` what `docker build --check` reports; `all` every rule.
 */
export type PresetName = 'recommended' | 'hadolint' | 'buildkit' | 'all';
export const PRESET_NAMES: readonly PresetName[] = ['recommended', 'hadolint', 'buildkit', 'all'];

/** Replace text[start, end) (0-based offsets into the original text) with `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * A fix is safe when it keeps what a successful build produces for the user apart
 * from the improvement itself; anything that may change behaviour is unsafe (Ruff's model).
 */
export type FixSafety = 'safe' | 'unsafe';

export interface Fix {
  description: string;
  safety: FixSafety;
  edits: TextEdit[];
}

export interface Suppression {
  kind: 'inline' | 'config' | 'directive';
  /** the comment or setting that suppressed the finding */
  justification?: string;
}

export interface Finding {
  ruleId: string;
  aliases: readonly string[];
  severity: Severity;
  message: string;
  range: Range;
  fix?: Fix;
  /** alternative fixes offered in editors, never applied by --fix */
  suggestions?: Fix[];
  suppressed?: Suppression;
}

export interface RuleDocs {
  /** one line: what the rule checks */
  summary: string;
  /** What it does */
  description: string;
  /** Why is this bad? */
  why: string;
  /** Example (a Dockerfile that triggers the rule) */
  bad: string;
  /** Use instead */
  good: string;
  /** Fix safety: when the fix is safe, when unsafe, or why there is none */
  fixSafety?: string;
  /** how the rule behaves in a preset where it differs (e.g. hadolint's or BuildKit's exact semantics) */
  presets?: string;
}

export interface RuleMeta {
  /** kebab-case id, e.g. `apt-no-install-recommends` */
  id: string;
  /** other names the rule answers to: hadolint DL codes, BuildKit check names */
  aliases: readonly string[];
  severity: Severity;
  category: 'correctness' | 'security' | 'size' | 'cache' | 'maintainability' | 'style' | 'syntax';
  /** which kinds of fix the rule can offer */
  fixable?: 'safe' | 'unsafe' | 'both';
  docs: RuleDocs;
}

/** What one linted file produced; reporters read only this. */
export interface FileResult {
  /** path as given or discovered (reporters relativize it) */
  filePath: string;
  source: string;
  findings: Finding[];
  /** the fixed text, when --fix ran and changed something */
  output?: string;
}
