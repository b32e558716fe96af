/**
 * Findings as LSP diagnostics. Positions come from the findings' 0-based UTF-16 offsets
 * through the editor's own document, so lines are counted the way the client counts them
 * (LSP ends lines at CR too; the linter only at LF).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Severity } from '../linter/types.ts';

export const SOURCE = 'tslint-docker';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  style: DiagnosticSeverity.Hint,
};

export function rangeOf(doc: TextDocument, start: number, end: number): Range {
  return { start: doc.positionAt(start), end: doc.positionAt(end) };
}

/**
 * Where each rule's doc lives: `${base}/${ruleId}` when the client configured a base URL, else
 * the Markdown file shipped in the package's docs/rules (found once, from this module upward,
 * which works from src/ and from the built dist/src/).
 */
export function ruleDocLinker(baseUrl: string | undefined): (ruleId: string) => string | undefined {
  if (baseUrl !== undefined) {
    const base = baseUrl.replace(/\/+$/, '');
    return (ruleId) => `${base}/${ruleId}`;
  }
  const rulesDir = findShippedRuleDocs();
  if (rulesDir === undefined) return () => undefined;
  const hrefs = new Map<string, string | undefined>();
  return (ruleId) => {
    if (!hrefs.has(ruleId)) {
      const file = join(rulesDir, `${ruleId}.md`);
      hrefs.set(ruleId, existsSync(file) ? pathToFileURL(file).href : undefined);
    }
    return hrefs.get(ruleId);
  };
}

function findShippedRuleDocs(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'docs', 'rules');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export function toDiagnostic(doc: TextDocument, finding: Finding, docHref: string | undefined): Diagnostic {
  const diagnostic: Diagnostic = {
    range: rangeOf(doc, finding.range.start.offset, finding.range.end.offset),
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    source: SOURCE,
    message: finding.message,
  };
  if (docHref !== undefined) diagnostic.codeDescription = { href: docHref };
  return diagnostic;
}

/** one diagnostic at the top of the file: the config that applies to it cannot be used */
export function configErrorDiagnostic(message: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Error,
    source: SOURCE,
    message: `configuration error: ${message}`,
  };
}
