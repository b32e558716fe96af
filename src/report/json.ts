import type { Finding, Fix } from '../linter/types.ts';
import type { Reporter } from './types.ts';
import { countSeverities, hasSafeFix, relativePath, reportedFindings } from './common.ts';

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

/**
 * ESLint-like JSON: one object per file. Suppressed findings are left out (SARIF keeps
 * them as suppressions); `fixableCount` counts what `--fix` applies, i.e. safe fixes.
 */
const json: Reporter = (results, context) => {
  const files = results.map((result) => {
    const findings = reportedFindings(result);
    const counts = countSeverities(findings);
    return {
      filePath: relativePath(result.filePath, context.cwd),
      messages: findings.map(messageJson),
      errorCount: counts.error,
      warningCount: counts.warning,
      infoCount: counts.info,
      styleCount: counts.style,
      fixableCount: findings.filter(hasSafeFix).length,
    };
  });
  return `${JSON.stringify(files, null, 2)}\n`;
};

export default json;
