import type { Reporter } from './types.ts';
import { escapeControlCharacters, relativePath, reportedFindings } from './common.ts';

/** One line per finding: `path:line:col: severity: message [ruleId]`, for editors and grep. */
const compact: Reporter = function* (results, context) {
  for (const result of results) {
    const file = escapeControlCharacters(relativePath(result.filePath, context.cwd), true);
    for (const finding of reportedFindings(result)) {
      const { line, column } = finding.range.start;
      // a multi-line message would break the one-finding-per-line contract
      const message = escapeControlCharacters(finding.message.replace(/\r\n|\r|\n/g, ' '));
      yield `${file}:${line}:${column}: ${finding.severity}: ${message} [${finding.ruleId}]\n`;
    }
  }
};

export default compact;
