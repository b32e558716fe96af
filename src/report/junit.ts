import type { FileResult } from '../linter/types.ts';
import type { Reporter } from './types.ts';
import { relativePath, reportedFindings, TOOL_NAME } from './common.ts';
import { escapeXmlAttribute, escapeXmlText, XML_DECLARATION } from './xml.ts';

/**
 * JUnit XML: a test suite per file and a failing test case per finding; a clean file
 * gets one passing case so dashboards show it was checked. A file that does not parse
 * is a test `error` (the check could not run) rather than a `failure`.
 */
const junit: Reporter = function* (results, context) {
  // the root element carries the totals: count them first, then write a suite per file
  let totalTests = 0;
  let totalFailures = 0;
  let totalErrors = 0;
  for (const result of results) {
    const findings = reportedFindings(result);
    const errors = findings.filter((finding) => finding.ruleId === 'syntax-error').length;
    totalTests += Math.max(1, findings.length);
    totalErrors += errors;
    totalFailures += findings.length - errors;
  }
  yield `${XML_DECLARATION}\n<testsuites name="${TOOL_NAME}" tests="${totalTests}" failures="${totalFailures}" errors="${totalErrors}">\n`;
  for (const result of results) yield `${testSuite(result, context.cwd)}\n`;
  yield '</testsuites>\n';
};

function testSuite(result: FileResult, cwd: string): string {
  const file = relativePath(result.filePath, cwd);
  const fileAttribute = escapeXmlAttribute(file);
  const findings = reportedFindings(result);
  const cases: string[] = [];
  let failures = 0;
  let errors = 0;
  for (const finding of findings) {
    const { line, column } = finding.range.start;
    const element = finding.ruleId === 'syntax-error' ? 'error' : 'failure';
    if (element === 'error') errors++;
    else failures++;
    const name = escapeXmlAttribute(`${finding.ruleId} at ${line}:${column}`);
    const details = escapeXmlText(
      `${finding.severity} at ${file}:${line}:${column} (${finding.ruleId})\n${finding.message}`,
    );
    cases.push(
      `    <testcase classname="${fileAttribute}" name="${name}">\n` +
        `      <${element} type="${finding.severity}" message="${escapeXmlAttribute(finding.message)}">${details}</${element}>\n` +
        '    </testcase>',
    );
  }
  if (findings.length === 0) cases.push(`    <testcase classname="${fileAttribute}" name="${fileAttribute}"/>`);
  return (
    `  <testsuite name="${fileAttribute}" tests="${cases.length}" failures="${failures}" errors="${errors}">\n` +
    `${cases.join('\n')}\n  </testsuite>`
  );
}

export default junit;
