/** Hover on a flagged range: the finding's message and its rule's documentation. */
import type { Hover, MarkupContent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { getLinter } from '../linter/index.ts';
import { renderRuleDoc } from '../linter/docs.ts';
import type { RuleMeta } from '../linter/types.ts';
import type { DocumentLint } from './session.ts';
import { rangeOf } from './diagnostics.ts';

let metasById: Map<string, RuleMeta> | undefined;

function metaOf(ruleId: string): RuleMeta | undefined {
  metasById ??= new Map(getLinter().metas.map((m) => [m.id, m]));
  return metasById.get(ruleId);
}

export function hoverAt(doc: TextDocument, state: DocumentLint, offset: number): Hover | null {
  const hits = state.result.findings.filter(
    (f) => !f.suppressed && f.range.start.offset <= offset && offset < Math.max(f.range.end.offset, f.range.start.offset + 1),
  );
  const first = hits[0];
  if (first === undefined) return null;
  const sections = hits.map((f) => {
    const meta = metaOf(f.ruleId);
    const heading = `**${f.ruleId}** (${f.severity}): ${f.message}`;
    return meta ? `${heading}\n\n${renderRuleDoc(meta)}` : heading;
  });
  const contents: MarkupContent = { kind: 'markdown', value: sections.join('\n\n---\n\n') };
  return { contents, range: rangeOf(doc, first.range.start.offset, first.range.end.offset) };
}
