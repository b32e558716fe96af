import type { Severity } from '../../linter/types.ts';
import { chalkFor, colorLevel } from '../stylish.ts';
import type { Reporter } from '../types.ts';
import { hadolintFile, oneLine } from './common.ts';

/**
 * hadolint's default output, for people and for the problem matchers written against it:
 * `Dockerfile:3 DL3008 warning: message`, and `Dockerfile:2:1 message` for a parse error.
 * The level is coloured as hadolint colours it, when colour is on (--color, NO_COLOR, a terminal).
 */
const tty: Reporter = function* (results, context) {
  const chalk = chalkFor(colorLevel(context.color));
  const colored: Record<Severity, (text: string) => string> = {
    error: chalk.bold.red,
    warning: chalk.bold.yellow,
    info: chalk.green,
    style: chalk.cyan,
  };
  for (const result of results) {
    const { file, errors, checks } = hadolintFile(result);
    const name = oneLine(file);
    const lines = [
      ...errors.map((e) => `${name}:${e.line}:${e.column} ${oneLine(e.message)}\n`),
      ...checks.map((c) => `${name}:${c.line} ${c.code} ${colored[c.level](c.level)}: ${oneLine(c.message)}\n`),
    ];
    if (lines.length > 0) yield lines.join('');
  }
};

export default tty;
