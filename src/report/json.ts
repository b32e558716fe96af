import type { FileResult, Finding, Fix } from '../linter/types.ts';
import type { Reporter } from './types.ts';
import { countSeverities, eachOf, hasSafeFix, jsonArray, relativePath, reportedFindings } from './common.ts';

function fixJson(fix: Fix) {
  return {
    safety: fix.safety,
    description: fix.description,
    edits: fix.edits.map((edit) => ({ range: [edit.start, edit.end], text: edit.text })),
  };
}

function messageJson(finding: Finding) {
  const { start, end } = finding.range;
  return {
    ruleId: finding.ruleId,
    aliases: finding.aliases,
    severity: finding.severity,
    message: finding.message,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    ...(finding.fix && { fix: fixJson(finding.fix) }),
    ...(finding.suggestions &&
      finding.suggestions.length > 0 && { suggestions: finding.suggestions.map(fixJson) }),
  };
}

function fileJson(result: FileResult, cwd: string) {
  const findings = reportedFindings(result);
  const counts = countSeverities(findings);
  return {
    filePath: relativePath(result.filePath, cwd),
    messages: findings.map(messageJson),
    errorCount: counts.error,
    warningCount: counts.warning,
    infoCount: counts.info,
    styleCount: counts.style,
    fixableCount: findings.filter(hasSafeFix).length,
  };
}

/**
 * ESLint-like JSON: one object per file. Suppressed findings are left out (SARIF keeps
 * them as suppressions); `fixableCount` counts what `--fix` applies, i.e. safe fixes.
 */
const json: Reporter = function* (results, context) {
  yield* jsonArray(eachOf(results, (result) => fileJson(result, context.cwd)));
  yield '\n';
};

export default json;
