import { Chalk, supportsColor, type ChalkInstance, type ColorSupportLevel } from 'chalk';
import type { Finding, Severity } from '../linter/types.ts';
import type { Reporter } from './types.ts';
import {
  escapeControlCharacters,
  hasSafeFix,
  lastLine,
  lineText,
  plural,
  relativePath,
  reportedFindings,
  splitLines,
  type SeverityCounts,
} from './common.ts';

const TAB_WIDTH = 4;
/** flagged lines shown in a code frame before the rest is elided */
const MAX_FRAME_LINES = 4;

const chalkByLevel = new Map<ColorSupportLevel, ChalkInstance>();

export function chalkFor(level: ColorSupportLevel): ChalkInstance {
  let instance = chalkByLevel.get(level);
  if (!instance) {
    instance = new Chalk({ level });
    chalkByLevel.set(level, instance);
  }
  return instance;
}

/**
 * The option wins, then FORCE_COLOR (as Node and chalk read it), then NO_COLOR
 * (no-color.org: any non-empty value), then what chalk detected for stdout.
 */
export function colorLevel(option: boolean | undefined, env: NodeJS.ProcessEnv = process.env): ColorSupportLevel {
  const detected = supportsColor === false ? 0 : supportsColor.level;
  const force = env['FORCE_COLOR'];
  const forced: ColorSupportLevel | undefined =
    force === undefined
      ? undefined
      : force === '0' || force === 'false'
        ? 0
        : /^[123]$/.test(force)
          ? (Number(force) as ColorSupportLevel)
          : 1;
  if (option === false) return 0;
  if (option === true) return forced || detected || 1;
  if (forced !== undefined) return forced;
  if (env['NO_COLOR']) return 0;
  return detected;
}

function severityColor(chalk: ChalkInstance, severity: Severity): ChalkInstance {
  switch (severity) {
    case 'error':
      return chalk.red;
    case 'warning':
      return chalk.yellow;
    case 'info':
      return chalk.blue;
    case 'style':
      return chalk.magenta;
  }
}

// East Asian wide and fullwidth blocks and emoji take two terminal cells
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]/u;
const ZERO_WIDTH = /[\u0300-\u036f\u200b-\u200f\ufe00-\ufe0f]/;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** a line is shown up to about this many cells, around where its finding starts (a minified or binary line runs to megabytes) */
const MAX_LINE_CELLS = 200;
const ELLIPSIS = '…';

/**
 * A source line as the terminal shows it (tabs expanded, control characters escaped), cut to
 * about MAX_LINE_CELLS cells from half that many characters before `focus` (and never before
 * `focus`), with `…` where it is cut. `cellAt` gives the display cell where each UTF-16 index
 * starts, so carets land under the exact characters whatever their width.
 */
function renderLine(text: string, focus: number): { display: string; cellAt: (index: number) => number } {
  let begin = text.length > MAX_LINE_CELLS ? Math.max(0, focus - MAX_LINE_CELLS / 2) : 0;
  // never between the two halves of a surrogate pair
  if (begin > 0 && /[\udc00-\udfff]/.test(text[begin]!)) begin--;
  let display = begin > 0 ? ELLIPSIS : '';
  let cell = display.length;
  const cells: number[] = [];
  let i = begin;
  while (i < text.length && (cell < MAX_LINE_CELLS || i <= focus)) {
    const codePoint = text.codePointAt(i)!;
    const char = String.fromCodePoint(codePoint);
    cells.push(cell);
    if (char.length === 2) cells.push(cell);
    let shown = char;
    let width = 1;
    if (char === '\t') {
      width = TAB_WIDTH - (cell % TAB_WIDTH);
      shown = ' '.repeat(width);
    } else if (CONTROL.test(char)) {
      shown = escapeControlCharacters(char);
      width = shown.length;
    } else if (WIDE.test(char)) {
      width = 2;
    } else if (ZERO_WIDTH.test(char)) {
      width = 0;
    }
    display += shown;
    cell += width;
    i += char.length;
  }
  cells.push(cell);
  if (i < text.length) display += ELLIPSIS;
  // indexes outside the window: its first cell, or the end of what is shown
  const cellAt = (index: number) => (index < begin ? 0 : cells[Math.min(index - begin, cells.length - 1)]!);
  return { display, cellAt };
}

function codeFrame(lines: readonly string[], finding: Finding, chalk: ChalkInstance): string[] {
  const { start, end } = finding.range;
  const last = lastLine(finding.range);
  const firstShown = Math.max(1, start.line - 1);
  const lastShown = Math.min(last, start.line + MAX_FRAME_LINES - 1);
  const gutterWidth = String(lastShown).length;
  const marker = severityColor(chalk, finding.severity);
  const frame: string[] = [];
  const gutter = (line: number | '', flagged: boolean) =>
    chalk.dim(`${flagged ? '>' : ' '} ${String(line).padStart(gutterWidth)} |`);

  for (let line = firstShown; line <= lastShown; line++) {
    const text = lineText(lines, line);
    const flagged = line >= start.line;
    // the line before is shown around the same column as the finding's start
    const from = line > start.line ? text.search(/\S|$/) : Math.min(start.column - 1, text.length);
    const { display, cellAt } = renderLine(text, from);
    frame.push(`    ${gutter(line, flagged)}${display === '' ? '' : ` ${display}`}`);
    if (!flagged) continue;
    const to = line === end.line ? Math.min(end.column - 1, text.length) : text.length;
    const startCell = cellAt(from);
    const width = Math.max(1, cellAt(to) - startCell);
    frame.push(`    ${gutter('', false)} ${' '.repeat(startCell)}${marker('^'.repeat(width))}`);
  }
  if (lastShown < last) {
    frame.push(`    ${gutter('', false)} ${chalk.dim(`… ${plural(last - lastShown, 'more line')}`)}`);
  }
  return frame;
}

/** what the summary line counts, gathered file by file */
interface Tally {
  problems: number;
  counts: SeverityCounts;
  safe: number;
  unsafe: number;
}

function summary({ problems, counts, safe, unsafe }: Tally, chalk: ChalkInstance): string {
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning')];
  if (counts.info > 0) parts.push(`${counts.info} info`);
  if (counts.style > 0) parts.push(`${counts.style} style`);
  let text = `✖ ${plural(problems, 'problem')} (${parts.join(', ')})`;
  if (safe > 0) text += `, ${safe} fixable with --fix`;
  if (unsafe > 0) text += `, ${unsafe} more with unsafe fixes`;
  const color = counts.error > 0 ? chalk.red : counts.warning > 0 ? chalk.yellow : chalk.blue;
  return color.bold(text);
}

/** ESLint-style report for people: findings grouped per file, each with a code frame. */
const stylish: Reporter = function* (results, context) {
  const chalk = chalkFor(colorLevel(context.color));
  const tally: Tally = { problems: 0, counts: { error: 0, warning: 0, info: 0, style: 0 }, safe: 0, unsafe: 0 };
  for (const result of results) {
    const findings = reportedFindings(result);
    if (findings.length === 0) continue;
    const lines = splitLines(result.source);
    const positionWidth = Math.max(
      ...findings.map((f) => `${f.range.start.line}:${f.range.start.column}`.length),
    );
    const severityWidth = Math.max(...findings.map((f) => f.severity.length));
    const out = [chalk.underline(escapeControlCharacters(relativePath(result.filePath, context.cwd)))];
    for (const finding of findings) {
      tally.problems++;
      tally.counts[finding.severity]++;
      if (hasSafeFix(finding)) tally.safe++;
      else if (finding.fix?.safety === 'unsafe') tally.unsafe++;
      const position = `${finding.range.start.line}:${finding.range.start.column}`.padEnd(positionWidth);
      const severity = severityColor(chalk, finding.severity)(finding.severity.padEnd(severityWidth));
      const indent = ' '.repeat(2 + positionWidth + 2 + severityWidth + 2);
      const message = escapeControlCharacters(finding.message).split(/\r\n|\r|\n/).join(`\n${indent}`);
      out.push(`  ${chalk.dim(position)}  ${severity}  ${message}  ${chalk.dim(finding.ruleId)}`);
      out.push(...codeFrame(lines, finding, chalk));
    }
    yield `${out.join('\n')}\n\n`;
  }
  if (tally.problems > 0) yield `${summary(tally, chalk)}\n`;
};

export default stylish;
