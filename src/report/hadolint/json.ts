import type { Reporter } from '../types.ts';
import { jsonItems } from './common.ts';

/**
 * hadolint's JSON: one flat array of every file's problems, each
 * `{"code","column","file","level","line","message"}` (keys sorted, as hadolint's encoder
 * writes them); a check's column is 1, a parse error is code DL1000 at its column. One line.
 */
const json: Reporter = function* (results) {
  yield '[';
  yield* jsonItems(results, ({ file, errors, checks }) => [
    ...errors.map((e) => ({ code: 'DL1000', column: e.column, file, level: 'error', line: e.line, message: e.message })),
    ...checks.map((c) => ({ code: c.code, column: 1, file, level: c.level, line: c.line, message: c.message })),
  ]);
  yield ']\n';
};

export default json;
