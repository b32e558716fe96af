/** Small builders for fixes, so rules state intent, not offset arithmetic. */
import type { Span } from '../parser/ast.ts';
import type { Fix, FixSafety, TextEdit } from '../linter/types.ts';

export const replace = (span: Span, text: string): TextEdit => ({ start: span.start, end: span.end, text });
export const insertAt = (offset: number, text: string): TextEdit => ({ start: offset, end: offset, text });
export const remove = (span: Span): TextEdit => ({ start: span.start, end: span.end, text: '' });

export function fix(description: string, safety: FixSafety, ...edits: TextEdit[]): Fix {
  return { description, safety, edits };
}

/** the line ending the file uses (CRLF files stay CRLF) */
export function lineEnding(source: string): string {
  const nl = source.indexOf('\n');
  return nl > 0 && source[nl - 1] === '\r' ? '\r\n' : '\n';
}
