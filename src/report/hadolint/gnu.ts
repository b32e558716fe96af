import { TOOL_NAME } from '../common.ts';
import type { Reporter } from '../types.ts';
import { hadolintFile, oneLine } from './common.ts';

/**
 * hadolint's GNU format (www.gnu.org/prep/standards/html_node/Errors.html), which editors
 * and compilation buffers read: `PROGRAM:FILE:LINE: CODE LEVEL: message`, and
 * `PROGRAM:FILE:LINE:COLUMN: message` for a parse error. PROGRAM is this tool's name.
 */
const gnu: Reporter = function* (results) {
  for (const result of results) {
    const { file, errors, checks } = hadolintFile(result);
    const prefix = `${TOOL_NAME}:${oneLine(file)}`;
    const lines = [
      ...errors.map((e) => `${prefix}:${e.line}:${e.column}: ${oneLine(e.message)}\n`),
      ...checks.map((c) => `${prefix}:${c.line}: ${c.code} ${c.level}: ${oneLine(c.message)}\n`),
    ];
    if (lines.length > 0) yield lines.join('');
  }
};

export default gnu;
