/**
 * Code actions for the findings under the cursor: each fix as a quick fix (safe ones
 * preferred, unsafe ones labelled), the rule's suggestions, "ignore this rule for this
 * instruction", and "fix all safe problems" (source.fixAll.tslint-docker), which runs the
 * same passes as `--fix`.
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lineEnding } from '../fix/edits.ts';
import { fixText } from '../fix/apply.ts';
import type { Finding, Fix, TextEdit } from '../linter/types.ts';
import { SYNTAX_ERROR_META } from '../linter/index.ts';
import type { DocumentLint } from './session.ts';
import { rangeOf } from './diagnostics.ts';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.tslint-docker`;
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];

export interface ActionRequest {
  doc: TextDocument;
  state: DocumentLint;
  /** offsets of the range the editor asks about */
  start: number;
  end: number;
  /** CodeActionContext.only: kinds the client wants (hierarchical: `source.fixAll` includes ours) */
  only?: readonly string[];
  /** the diagnostic the client shows for a finding, to attach to the action */
  diagnosticFor: (finding: Finding) => Diagnostic;
  relint: (text: string) => Finding[];
}

function wanted(kind: string, only: readonly string[] | undefined): boolean {
  return only === undefined || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

/** a finding is under the range when they overlap, or touch for empty ranges (a cursor) */
function touches(finding: Finding, start: number, end: number): boolean {
  const s = finding.range.start.offset;
  const e = finding.range.end.offset;
  return s <= end && start <= e;
}

export function codeActions(req: ActionRequest): CodeAction[] {
  const { doc, state } = req;
  const actions: CodeAction[] = [];
  const findings = state.result.findings.filter((f) => !f.suppressed);
  if (wanted(CodeActionKind.QuickFix, req.only)) {
    for (const finding of findings) {
      if (!touches(finding, req.start, req.end)) continue;
      const diagnostic = req.diagnosticFor(finding);
      if (finding.fix) actions.push(fixAction(doc, finding, finding.fix, diagnostic, 'Fix'));
      for (const suggestion of finding.suggestions ?? []) actions.push(fixAction(doc, finding, suggestion, diagnostic, 'Suggestion'));
      const ignore = state.options.disableInlineIgnores ? undefined : ignoreEdit(state, finding);
      if (ignore) {
        actions.push({
          title: `Ignore ${finding.ruleId} for this instruction`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: { changes: { [doc.uri]: [lspEdit(doc, ignore)] } },
        });
      }
    }
  }
  if (wanted(FIX_ALL_KIND, req.only) && findings.some((f) => f.fix?.safety === 'safe')) {
    const fixAll = fixAllEdit(doc, req.relint);
    if (fixAll) {
      actions.push({ title: 'Fix all safe problems in file', kind: FIX_ALL_KIND, edit: { changes: { [doc.uri]: [fixAll] } } });
    }
  }
  return actions;
}

function fixAction(doc: TextDocument, finding: Finding, fix: Fix, diagnostic: Diagnostic, label: string): CodeAction {
  const unsafe = fix.safety === 'unsafe';
  return {
    title: `${label}${unsafe ? ' (unsafe)' : ''}: ${fix.description} (${finding.ruleId})`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: label === 'Fix' && !unsafe,
    edit: { changes: { [doc.uri]: fix.edits.map((e) => lspEdit(doc, e)) } },
  };
}

function lspEdit(doc: TextDocument, edit: TextEdit): LspTextEdit {
  return { range: rangeOf(doc, edit.start, edit.end), newText: edit.text };
}

/** `--fix` on the document's text, as one edit spanning what changed */
export function fixAllEdit(doc: TextDocument, relint: (text: string) => Finding[]): LspTextEdit | undefined {
  const before = doc.getText();
  const after = fixText(before, relint, { unsafe: false }).output;
  if (after === before) return undefined;
  let prefix = 0;
  const shorter = Math.min(before.length, after.length);
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < shorter - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) suffix++;
  return lspEdit(doc, { start: prefix, end: before.length - suffix, text: after.slice(prefix, after.length - suffix) });
}

const NEXT_INSTRUCTION_PRAGMA = /^([ \t]*#[ \t]*tslint-docker[ \t]+ignore[ \t]*=[ \t]*[A-Za-z0-9_,\s-]*?)[ \t]*$/;

/**
 * `# tslint-docker ignore=<rule>` above the instruction holding the finding, indented like it;
 * when such a comment is already the line above, the rule is added to it.
 * None for parse errors (there is no rule to ignore) or findings outside any instruction.
 */
export function ignoreEdit(state: DocumentLint, finding: Finding): TextEdit | undefined {
  if (finding.ruleId === SYNTAX_ERROR_META.id) return undefined;
  const { df } = state.result;
  const offset = finding.range.start.offset;
  const instruction = df.nodes.find((n) => n.type === 'instruction' && n.start <= offset && offset < Math.max(n.fullEnd, n.end));
  if (instruction === undefined) return undefined;
  const source = df.source;
  const lineStart = source.lastIndexOf('\n', instruction.start - 1) + 1;
  const indent = /^[ \t]*/.exec(source.slice(lineStart, instruction.start))![0];
  if (lineStart > 0) {
    const previousStart = source.lastIndexOf('\n', lineStart - 2) + 1;
    const previousEnd = source[lineStart - 2] === '\r' ? lineStart - 2 : lineStart - 1;
    const existing = NEXT_INSTRUCTION_PRAGMA.exec(source.slice(previousStart, previousEnd));
    if (existing) {
      const end = previousStart + existing[1]!.length;
      return { start: end, end, text: `,${finding.ruleId}` };
    }
  }
  return { start: lineStart, end: lineStart, text: `${indent}# tslint-docker ignore=${finding.ruleId}${lineEnding(source)}` };
}
