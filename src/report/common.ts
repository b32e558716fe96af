import path from 'node:path';
import type { FileResult, Finding, Severity } from '../linter/types.ts';
import type { Range } from '../parser/source.ts';

export const TOOL_NAME = 'tslint-docker';
/** the package's page: where SARIF viewers send a reader who wants to know the tool */
export const TOOL_URI = 'https://www.npmjs.com/package/tslint-docker';

/** `filePath` relative to `cwd`, with forward slashes whatever the platform. */
export function relativePath(filePath: string, cwd: string): string {
  const relative = path.relative(cwd, path.resolve(cwd, filePath));
  // another drive on Windows has no relative form: keep it absolute
  return (relative === '' ? '.' : relative).split(path.sep).join('/');
}

/** A finding that counts: not suppressed. */
export function isReported(finding: Finding): boolean {
  return finding.suppressed === undefined;
}

/** Findings that count (not suppressed), in source order. */
export function reportedFindings(result: FileResult): Finding[] {
  return sortFindings(result.findings.filter(isReported));
}

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      a.range.start.offset - b.range.start.offset ||
      a.range.end.offset - b.range.end.offset ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}

export type SeverityCounts = Record<Severity, number>;

export function countSeverities(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0, style: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

/** What `--fix` applies on its own: only safe fixes. */
export function hasSafeFix(finding: Finding): boolean {
  return finding.fix?.safety === 'safe';
}

/**
 * The last line a range really touches: a range that ends at column 1 stops at the
 * newline of the line before, so a whole-line range does not spill onto the next line.
 */
export function lastLine(range: Range): number {
  const { start, end } = range;
  return end.column === 1 && end.line > start.line ? end.line - 1 : end.line;
}

const LINE_BREAK = /\r\n|\r|\n/;

/** The text of 1-based `line` without its line break ('' past the end). */
export function lineText(lines: readonly string[], line: number): string {
  return lines[line - 1] ?? '';
}

export function splitLines(source: string): string[] {
  return source.split(LINE_BREAK);
}

/**
 * Fingerprints that survive unrelated edits: ruleId, the whitespace-normalized text of
 * the flagged lines, and the occurrence index among findings with the same two, so
 * moving code up or down keeps them while two identical lines still differ.
 * Suppressed findings take part, so suppressing one does not renumber the others.
 */
export function lineFingerprints(result: FileResult): Map<Finding, string> {
  const lines = splitLines(result.source);
  const occurrences = new Map<string, number>();
  const fingerprints = new Map<Finding, string>();
  for (const finding of sortFindings(result.findings)) {
    const flagged: string[] = [];
    for (let line = finding.range.start.line; line <= lastLine(finding.range); line++) {
      flagged.push(lineText(lines, line));
    }
    const normalized = flagged.join('\n').replace(/\s+/g, ' ').trim();
    const key = `${finding.ruleId}\0${normalized}`;
    const occurrence = occurrences.get(key) ?? 0;
    occurrences.set(key, occurrence + 1);
    fingerprints.set(finding, sha256(`${key}\0${occurrence}`));
  }
  return fingerprints;
}

export function sha256(text: string): string {
  return hexDigest('sha256', text);
}

export function hexDigest(algorithm: 'sha1' | 'sha256', text: string): string {
  // loaded on first use: only fingerprinting formats need it, and node:crypto costs every cold start ~5 ms
  return process.getBuiltinModule('node:crypto').createHash(algorithm).update(text).digest('hex');
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Lone surrogates become U+FFFD, as a UTF-8 encoder would write them (encodeURIComponent throws on them). */
export function toWellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd');
}

// C0 controls but tab and line breaks, DEL and C1 controls: they would drive the terminal
const TERMINAL_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const TERMINAL_CONTROL_OR_LINE_BREAK = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g;

/**
 * Shows control characters from user input as visible escapes instead of sending them
 * to a terminal; with `lineBreaks`, CR and LF too (for one-line formats).
 */
export function escapeControlCharacters(text: string, lineBreaks = false): string {
  return text.replace(
    lineBreaks ? TERMINAL_CONTROL_OR_LINE_BREAK : TERMINAL_CONTROL,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * `items` laid out as `JSON.stringify(items, null, 2)` would, an item at a time, for an
 * array that starts at indentation `indent` (inside a document) or at the top.
 * Re-indenting a stringified item is exact: JSON never has a raw line break inside a string.
 */
export function* jsonArray(items: Iterable<unknown>, indent = ''): Generator<string> {
  const itemIndent = `${indent}  `;
  let first = true;
  yield '[';
  for (const item of items) {
    yield `${first ? '' : ','}\n${itemIndent}${JSON.stringify(item, null, 2).replaceAll('\n', `\n${itemIndent}`)}`;
    first = false;
  }
  yield first ? ']' : `\n${indent}]`;
}

/** `items.map(project)`, one item at a time (Node 20 has no iterator helpers) */
export function* eachOf<T, U>(items: Iterable<T>, project: (item: T) => U): Generator<U> {
  for (const item of items) yield project(item);
}
