/**
 * Command-line entry: `tslint-docker [files..]` and its subcommands. Returns the exit
 * code: 0 clean, 1 findings at/above the threshold (or a parse error), 2 usage,
 * configuration or internal error, or a file --fix could not write, always with one line
 * saying what is wrong.
 */
import { ConfigError } from '../config/errors.ts';
import { quickLintArgs } from './argv.ts';
import { UsageError } from './errors.ts';
import { processIO, type CliIO } from './io.ts';
import { runLint } from './lint.ts';

export { tuneForOneShotRun, v8FlagsUnchanged } from './v8-tuning.ts';

export async function main(rawArgv: readonly string[], io: CliIO = processIO()): Promise<number> {
  try {
    // a plain lint call skips yargs; everything else (help, subcommands, odd input) goes to it
    const lintArgs = quickLintArgs(rawArgv);
    if (lintArgs !== undefined) return await runLint(lintArgs, io);
    const { runCommands } = await import('./commands.ts');
    return await runCommands(rawArgv, io);
  } catch (error) {
    io.stderr(`tslint-docker: ${describeError(error)}\n`);
    return 2;
  }
}

function describeError(error: unknown): string {
  if (error instanceof UsageError || error instanceof ConfigError) return error.message;
  // yargs' own complaints are UsageErrors already (commands.ts)
  if (error instanceof Error) return `internal error: ${error.message}`;
  return `internal error: ${String(error)}`;
}
