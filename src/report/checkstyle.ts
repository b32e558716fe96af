import type { Severity } from '../linter/types.ts';
import type { Reporter } from './types.ts';
import { relativePath, reportedFindings, TOOL_NAME } from './common.ts';
import { escapeXmlAttribute, XML_DECLARATION } from './xml.ts';

// Checkstyle knows error, warning, info and ignore
const CHECKSTYLE_SEVERITY: Record<Severity, string> = {
  error: 'error',
  warning: 'warning',
  info: 'info',
  style: 'info',
};

/** Checkstyle XML, read by Jenkins Warnings NG, reviewdog and many CI dashboards. */
const checkstyle: Reporter = function* (results, context) {
  yield `${XML_DECLARATION}\n<checkstyle version="4.3">\n`;
  for (const result of results) {
    const out = [`  <file name="${escapeXmlAttribute(relativePath(result.filePath, context.cwd))}">`];
    for (const finding of reportedFindings(result)) {
      const { line, column } = finding.range.start;
      const attributes = [
        `line="${line}"`,
        `column="${column}"`,
        `severity="${CHECKSTYLE_SEVERITY[finding.severity]}"`,
        `message="${escapeXmlAttribute(finding.message)}"`,
        `source="${escapeXmlAttribute(`${TOOL_NAME}.${finding.ruleId}`)}"`,
      ];
      out.push(`    <error ${attributes.join(' ')}/>`);
    }
    out.push('  </file>');
    yield `${out.join('\n')}\n`;
  }
  yield '</checkstyle>\n';
};

export default checkstyle;
