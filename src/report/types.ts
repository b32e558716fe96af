import type { FileResult, RuleMeta, Severity } from '../linter/types.ts';

export interface ReporterContext {
  /** metadata of every rule, reported or not (SARIF lists them all) */
  rules: readonly RuleMeta[];
  /** each rule's setting as the configuration resolved it for every file of the run; a rule absent (files differ) is described at its own severity */
  ruleSettings?: ReadonlyMap<string, Severity | 'off'>;
  /** paths in every output are made relative to this directory */
  cwd: string;
  toolVersion: string;
  /** the exit code the CLI will return; SARIF records it in `invocations` */
  exitCode?: number;
  /** true/false force colour on/off; unset follows FORCE_COLOR, NO_COLOR and the terminal */
  color?: boolean;
}

/**
 * The report of `results` in pieces (a line, a file's part or the document around them),
 * made as they are asked for: a report over thousands of files never has to be one string
 * in memory, and the CLI can wait for a slow reader between pieces. `renderReport` joins
 * them where a string is wanted.
 */
export type Reporter = (results: readonly FileResult[], context: ReporterContext) => Iterable<string>;
