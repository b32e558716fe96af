import { spawn } from 'node:child_process';
import type { Readable } from 'node:stream';

export interface CommandResult {
  /** exit code; -1 when the program could not be started */
  code: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved in arrival order */
  combined: string;
  /** set when spawning failed (e.g. ENOENT) */
  spawnError?: string;
}

export interface CommandOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** called for each complete output line, stdout and stderr alike */
  onLine?: (line: string) => void;
  timeoutMs?: number;
}

/** Runs a program to completion; never rejects, failures are in the result. */
export function runCommand(program: string, args: readonly string[], options: CommandOptions = {}): Promise<CommandResult> {
  return new Promise((resolve) => {
    const stdout: string[] = [];
    const stderr: string[] = [];
    const combined: string[] = [];
    let pendingLine = '';
    let settled = false;
    const finish = (result: CommandResult): void => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    const child = spawn(program, args, {
      env: options.env ?? process.env,
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: options.timeoutMs,
    });
    const collect = (sink: string[]) => (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      sink.push(text);
      combined.push(text);
      if (options.onLine) {
        const lines = (pendingLine + text).split(/\r?\n/);
        pendingLine = lines.pop() ?? '';
        for (const line of lines) options.onLine(line);
      }
    };
    child.stdout.on('data', collect(stdout));
    child.stderr.on('data', collect(stderr));
    child.on('error', (error) =>
      finish({ code: -1, stdout: '', stderr: error.message, combined: error.message, spawnError: error.message }),
    );
    child.on('close', (code, signal) => {
      if (options.onLine && pendingLine) options.onLine(pendingLine);
      const err = stderr.join('') + (signal ? `\nkilled by ${signal}` : '');
      finish({ code: code ?? 1, stdout: stdout.join(''), stderr: err, combined: combined.join('') });
    });
  });
}

/**
 * Starts a program whose stdout is consumed as a stream (e.g. `docker save`), and
 * resolves `done` with its exit code and stderr.
 */
export function spawnStreaming(
  program: string,
  args: readonly string[],
  env?: NodeJS.ProcessEnv,
): { stdout: Readable; done: Promise<{ code: number; stderr: string }> } {
  const child = spawn(program, args, { env: env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString('utf8')));
  const done = new Promise<{ code: number; stderr: string }>((resolve) => {
    child.on('error', (error) => resolve({ code: -1, stderr: error.message }));
    child.on('close', (code) => resolve({ code: code ?? 1, stderr: stderr.join('') }));
  });
  return { stdout: child.stdout, done };
}

/**
 * Runs a command that a signal may not stop (`docker run` forwards SIGTERM to the container,
 * where a shell as PID 1 ignores it: measured, `sh -c 'sleep 30'` outlived a 2 s timeout):
 * when `timeoutMs` passes, `stop` ends it the engine's way (removing the container), or without
 * `stop` SIGTERM does (`buildah run` stops its container on it), and the outcome says it timed
 * out (exit code -1).
 */
export async function runWithDeadline(
  program: string,
  args: readonly string[],
  timeoutMs: number,
  stop?: () => Promise<unknown>,
): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  let timedOut = false;
  // set before the spawn's own timeout, so it fires first
  const timer = setTimeout(() => {
    timedOut = true;
    void stop?.();
  }, timeoutMs);
  try {
    const result = await runCommand(program, args, stop ? {} : { timeoutMs });
    if (timedOut) return { exitCode: -1, stdout: result.stdout, stderr: `${result.stderr}${result.stderr && !result.stderr.endsWith('\n') ? '\n' : ''}timed out after ${timeoutMs / 1000} s\n` };
    return { exitCode: result.spawnError ? -1 : result.code, stdout: result.stdout, stderr: result.stderr };
  } finally {
    clearTimeout(timer);
  }
}
