/** Runs the CLI in-process with captured output: the same code path as the binary. */
import { main } from '../../src/cli/main.ts';

export interface CliRun {
  code: number;
  /** stdout as UTF-8 (bytes written as bytes are in stdoutBytes too) */
  stdout: string;
  stdoutBytes: Buffer;
  stderr: string;
}

export async function runCli(args: string[], cwd: string, stdin = '', isTTY = false): Promise<CliRun> {
  const chunks: Buffer[] = [];
  let stderr = '';
  const code = await main(args, {
    cwd,
    version: '0.1.0',
    stdout: (t) => { chunks.push(typeof t === 'string' ? Buffer.from(t, 'utf8') : Buffer.from(t)); },
    stderr: (t) => { stderr += t; },
    readStdin: async () => stdin,
    isTTY,
  });
  const stdoutBytes = Buffer.concat(chunks);
  return { code, stdout: stdoutBytes.toString('utf8'), stdoutBytes, stderr };
}
