import type { Reporter } from '../types.ts';
import { hadolintFile } from './common.ts';

/**
 * hadolint's Codacy results: `{"filename","line","message","patternId"}` per problem (keys
 * sorted), one a line, as Codacy's tool format reads them (hadolint writes them with nothing
 * between; a reader of that reads these too).
 */
const codacy: Reporter = function* (results) {
  for (const result of results) {
    const { file: filename, errors, checks } = hadolintFile(result);
    const lines = [
      ...errors.map((e) => JSON.stringify({ filename, line: e.line, message: e.message, patternId: 'DL1000' })),
      ...checks.map((c) => JSON.stringify({ filename, line: c.line, message: c.message, patternId: c.code })),
    ];
    if (lines.length > 0) yield `${lines.join('\n')}\n`;
  }
};

export default codacy;
