/**
 * hadolint's view of a file's findings, which its formats write (hadolint 2.15,
 * src/Hadolint/Formatter/*.hs): a parse error has a line and a column; every other finding
 * (a "check") a rule code, a level and a line only. Paths are printed as they were given.
 */
import type { FileResult, Finding, Severity } from '../../linter/types.ts';
import { escapeControlCharacters, reportedFindings } from '../common.ts';

export interface HadolintCheck {
  /** the rule's DL code, the ShellCheck SC code of a shellcheck finding, or our rule id for a rule hadolint lacks */
  code: string;
  level: Severity;
  message: string;
  line: number;
}

export interface HadolintParseError {
  line: number;
  column: number;
  message: string;
}

export interface HadolintFile {
  file: string;
  /** listed before the checks, as hadolint does */
  errors: HadolintParseError[];
  /** in line order (hadolint sorts by line alone; at one line, ours) */
  checks: HadolintCheck[];
}

/** the code hadolint would name the finding by: DL1000 is its parse error */
const HADOLINT_CODE = /^(DL|SC)\d+$/;

export function hadolintCode(finding: Finding): string {
  return finding.aliases.find((alias) => HADOLINT_CODE.test(alias)) ?? finding.ruleId;
}

export function hadolintFile(result: FileResult): HadolintFile {
  const errors: HadolintParseError[] = [];
  const checks: HadolintCheck[] = [];
  for (const finding of reportedFindings(result)) {
    const { line, column } = finding.range.start;
    if (finding.ruleId === 'syntax-error') errors.push({ line, column, message: finding.message });
    else checks.push({ code: hadolintCode(finding), level: finding.severity, message: finding.message, line });
  }
  // a stable sort: findings on one line keep their position order
  checks.sort((a, b) => a.line - b.line);
  return { file: result.filePath, errors, checks };
}

/**
 * A message or path on one line of a line-based format: line breaks become spaces (as hadolint's
 * stripNewlines does), and other control characters visible escapes, not terminal commands.
 */
export function oneLine(text: string): string {
  return escapeControlCharacters(text.replace(/\r\n|\r|\n/g, ' '), true);
}

/** The items of every file as one JSON array's contents (`a,b,c`, no brackets), a file at a time. */
export function* jsonItems(results: readonly FileResult[], itemsOf: (file: HadolintFile) => readonly unknown[]): Generator<string> {
  let first = true;
  for (const result of results) {
    const items = itemsOf(hadolintFile(result));
    if (items.length === 0) continue;
    yield `${first ? '' : ','}${items.map((item) => JSON.stringify(item)).join(',')}`;
    first = false;
  }
}
