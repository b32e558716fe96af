/** What the CLI touches of the outside world, injectable so tests run it in-process. */
import { readFileSync } from 'node:fs';
import { decodeText } from '../fix/encoding.ts';

export interface CliIO {
  cwd: string;
  version: string;
  /** a promise when the caller should wait before writing more (a pipe whose reader is behind); bytes are written as they are */
  stdout(text: string | Uint8Array): void | Promise<void>;
  stderr(text: string): void;
  readStdin(): Promise<string>;
  isTTY: boolean;
  /** the environment (HADOLINT_* variables); default process.env */
  env?: Readonly<Record<string, string | undefined>>;
}

export function processIO(): CliIO {
  return {
    cwd: process.cwd(),
    // read on first use: a lint run with the default report never needs it
    get version() {
      return packageVersion();
    },
    stdout: writeStdout,
    stderr: (t) => void process.stderr.write(t),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return decodeText(Buffer.concat(chunks));
    },
    isTTY: Boolean(process.stdout.isTTY),
  };
}

/** Writes to stdout; when the pipe is full, a promise of room (or of the reader leaving). */
function writeStdout(text: string | Uint8Array): void | Promise<void> {
  const out = process.stdout;
  // the reader closed the pipe early (`| head`; bin/ ignores the EPIPE): the rest goes nowhere
  if (out.destroyed) return;
  if (out.write(text)) return;
  return new Promise((resume) => {
    const go = () => {
      out.off('drain', go);
      out.off('close', go);
      resume();
    };
    out.on('drain', go);
    out.on('close', go);
  });
}

let version: string | undefined;

/** the version in package.json (found from src/cli or dist/src/cli) */
export function packageVersion(): string {
  if (version) return version;
  for (const rel of ['../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'tslint-docker' && pkg.version) return (version = pkg.version);
    } catch {
      // try the next location
    }
  }
  return (version = '0.0.0');
}
