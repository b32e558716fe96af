import type { FileResult, Finding } from '../linter/types.ts';
import type { Reporter } from './types.ts';
import { jsonArray, lastLine, lineFingerprints, relativePath, reportedFindings, sha256 } from './common.ts';

type CodeQualitySeverity = 'blocker' | 'critical' | 'major' | 'minor' | 'info';

function codeQualitySeverity(finding: Finding): CodeQualitySeverity {
  // a file that does not parse cannot be checked at all
  if (finding.ruleId === 'syntax-error') return 'blocker';
  switch (finding.severity) {
    case 'error':
      return 'major';
    case 'warning':
      return 'minor';
    case 'info':
    case 'style':
      return 'info';
  }
}

/** GitLab Code Quality report (a subset of the Code Climate issue format). */
const gitlab: Reporter = function* (results, context) {
  yield* jsonArray(issues(results, context.cwd));
  yield '\n';
};

function* issues(results: readonly FileResult[], cwd: string) {
  for (const result of results) {
    const file = relativePath(result.filePath, cwd);
    const fingerprints = lineFingerprints(result);
    for (const finding of reportedFindings(result)) {
      yield {
        description: finding.message,
        check_name: finding.ruleId,
        // GitLab compares fingerprints across the whole report, so the path is part of it
        fingerprint: sha256(`${file}\0${fingerprints.get(finding)}`),
        severity: codeQualitySeverity(finding),
        location: {
          path: file,
          lines: { begin: finding.range.start.line, end: lastLine(finding.range) },
        },
      };
    }
  }
}

export default gitlab;
