import type { FileResult, RuleMeta } from '../linter/types.ts';

export interface ReporterContext {
  /** metadata of every rule, reported or not (SARIF lists them all) */
  rules: readonly RuleMeta[];
  /** paths in every output are made relative to this directory */
  cwd: string;
  toolVersion: string;
  /** the exit code the CLI will return; SARIF records it in `invocations` */
  exitCode?: number;
  /** true/false force colour on/off; unset follows FORCE_COLOR, NO_COLOR and the terminal */
  color?: boolean;
  /** rule docs live at `${docsBaseUrl}/${ruleId}`; without it no per-rule link is emitted */
  docsBaseUrl?: string;
}

/** Receives a report piece by piece, in order. */
export type ReportWriter = (chunk: string) => void;

/**
 * Writes the report of `results` through `write`, a file at a time, so a report over
 * thousands of files never has to be one string in memory (the CLI writes each piece
 * on; `renderReport` joins them where a string is wanted).
 */
export type Reporter = (results: readonly FileResult[], context: ReporterContext, write: ReportWriter) => void;
