import type { Severity } from '../../linter/types.ts';
import { TOOL_NAME } from '../common.ts';
import type { Reporter } from '../types.ts';
import { jsonItems } from './common.ts';

const SEVERITY: Record<Severity, string> = { error: 'CRITICAL', warning: 'MAJOR', info: 'MINOR', style: 'INFO' };

/**
 * hadolint's SonarQube generic issues (`sonar.externalIssuesReportPaths`): `{"issues":[...]}`,
 * an error a BUG and anything else a CODE_SMELL, a check's range columns 0 to 1 of its line, a
 * parse error a BLOCKER at its column. Keys sorted, as hadolint writes them; the engine is this tool.
 */
const sonarqube: Reporter = function* (results) {
  yield '{"issues":[';
  yield* jsonItems(results, ({ file, errors, checks }) => [
    ...errors.map((e) => issue('DL1000', 'BLOCKER', 'BUG', { endColumn: e.column, endLine: e.line, startColumn: e.column, startLine: e.line }, e.message, file)),
    ...checks.map((c) => issue(c.code, SEVERITY[c.level], c.level === 'error' ? 'BUG' : 'CODE_SMELL', { endColumn: 1, endLine: c.line, startColumn: 0, startLine: c.line }, c.message, file)),
  ]);
  yield ']}\n';
};

function issue(ruleId: string, severity: string, type: string, textRange: object, message: string, filePath: string) {
  return { engineId: TOOL_NAME, primaryLocation: { filePath, message, textRange }, ruleId, severity, type };
}

export default sonarqube;
