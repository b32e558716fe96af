/**
 * Parser directives (`# syntax=`, `# escape=`, `# check=`): only in the unbroken run of
 * `# key=value` lines at the very top of the file. They are read before lexing
 * because the escape directive decides how the rest of the file is lexed.
 */
import type { EscapeChar, ParseError } from './ast.ts';
import { isSpace } from './line-parsers.ts';

export interface DirectiveLine {
  name: string;
  value: string;
  /** offset of the `#` and of the value; end of the line's content (line ending excluded) */
  start: number;
  valueStart: number;
  end: number;
}

export interface DirectiveScan {
  escape: EscapeChar;
  lines: DirectiveLine[];
  /** `#` offset -> length of the directive token */
  tokenLengths: Map<number, number>;
  errors: ParseError[];
}

const VALID = new Set(['syntax', 'escape', 'check']);
// Go RE2's \s is [\t\n\f\r ]
const DIRECTIVE = /^#[\t\n\f\r ]*([a-zA-Z][a-zA-Z0-9]*)[\t\n\f\r ]*=[\t\n\f\r ]*(.+?)[\t\n\f\r ]*$/s;

export function scanDirectives(text: string): DirectiveScan {
  const scan: DirectiveScan = { escape: '\\', lines: [], tokenLengths: new Map(), errors: [] };
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl === -1 ? text.length : nl;
    let contentEnd = lineEnd;
    while (contentEnd > pos && (text[contentEnd - 1] === '\r' || text[contentEnd - 1] === '\n')) contentEnd--;
    let start = pos;
    while (start < contentEnd && isSpace(text.charCodeAt(start))) start++;
    const m = DIRECTIVE.exec(text.slice(start, contentEnd));
    if (!m) break;
    const name = m[1]!.toLowerCase();
    if (!VALID.has(name)) break;
    if (scan.lines.some((l) => l.name === name)) {
      scan.errors.push({ level: 'parser', message: `only one ${name} parser directive can be used`, start, end: contentEnd });
      break;
    }
    const value = m[2]!;
    const valueStart = start + m[0].lastIndexOf(value, m[0].length);
    scan.lines.push({ name, value, start, valueStart, end: contentEnd });
    scan.tokenLengths.set(start, contentEnd - start);
    if (name === 'escape') {
      if (value === '\\' || value === '`') scan.escape = value;
      else scan.errors.push({ level: 'parser', message: `invalid escape token '${value}' does not match \` or \\`, start: valueStart, end: valueStart + value.length });
    }
    if (nl === -1) break;
    pos = nl + 1;
  }
  return scan;
}
