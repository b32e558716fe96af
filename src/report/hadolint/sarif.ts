import { toWellFormed, TOOL_NAME, TOOL_URI } from '../common.ts';
import type { Reporter } from '../types.ts';
import { jsonItems } from './common.ts';

// hadolint's SARIF says "error", "warning" or "note"; info and style are notes
const LEVEL = { error: 'error', warning: 'warning', info: 'note', style: 'note' } as const;

/**
 * hadolint's SARIF 2.1.0: one run without rule descriptors, a result per problem with the rule
 * code as ruleId and a one-line region (columns 1 to 1; a parse error's at its column) whose
 * sourceLanguage is `dockerfile`, or `sh` for a ShellCheck code. Keys sorted and one line,
 * as hadolint writes it; the driver is this tool.
 */
const sarif: Reporter = function* (results, context) {
  const driver = { informationUri: TOOL_URI, name: TOOL_NAME, version: context.toolVersion };
  yield `{"$schema":"http://json.schemastore.org/sarif-2.1.0","runs":[{"defaultSourceLanguage":"dockerfile","results":[`;
  yield* jsonItems(results, ({ file, errors, checks }) => {
    // a URI: a path with a space or a `#` in it is still one (hadolint writes the path as it is)
    const uri = toWellFormed(file).split('/').map(encodeURIComponent).join('/');
    return [
      ...errors.map((e) => sarifResult('DL1000', 'error', e.message, uri, e.line, e.column, 'dockerfile')),
      ...checks.map((c) => sarifResult(c.code, LEVEL[c.level], c.message, uri, c.line, 1, c.code.startsWith('SC') ? 'sh' : 'dockerfile')),
    ];
  });
  yield `],"tool":{"driver":${JSON.stringify(driver)}}}],"version":"2.1.0"}\n`;
};

function sarifResult(ruleId: string, level: string, message: string, uri: string, line: number, column: number, sourceLanguage: string) {
  return {
    level,
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri },
          region: { endColumn: column, endLine: line, sourceLanguage, startColumn: column, startLine: line },
        },
      },
    ],
    message: { text: message },
    ruleId,
  };
}

export default sarif;
