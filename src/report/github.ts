import type { Severity } from '../linter/types.ts';
import type { Reporter } from './types.ts';
import { lastLine, relativePath, reportedFindings } from './common.ts';

const COMMAND: Record<Severity, string> = {
  error: 'error',
  warning: 'warning',
  info: 'notice',
  style: 'notice',
};

// GitHub's workflow-command escaping: data escapes %, CR, LF; properties also `:` and `,`
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub Actions workflow commands, which the runner turns into annotations on the diff. */
const github: Reporter = function* (results, context) {
  for (const result of results) {
    const file = relativePath(result.filePath, context.cwd);
    for (const finding of reportedFindings(result)) {
      const { start, end } = finding.range;
      const endLine = lastLine(finding.range);
      const properties = [`file=${escapeProperty(file)}`, `line=${start.line}`, `endLine=${endLine}`];
      // GitHub accepts columns only within one line; a range running to the next line's
      // column 1 covers whole lines and gets none
      if (end.line === start.line) {
        // its end column is inclusive; an empty range marks just its start column
        properties.push(`col=${start.column}`, `endColumn=${Math.max(start.column, end.column - 1)}`);
      }
      properties.push(`title=${escapeProperty(`${finding.ruleId} (${finding.severity})`)}`);
      yield `::${COMMAND[finding.severity]} ${properties.join(',')}::${escapeData(finding.message)}\n`;
    }
  }
};

export default github;
