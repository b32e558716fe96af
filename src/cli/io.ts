/** What the CLI touches of the outside world, injectable so tests run it in-process. */
import { readFileSync } from 'node:fs';

export interface CliIO {
  cwd: string;
  version: string;
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Promise<string>;
  isTTY: boolean;
}

export function processIO(): CliIO {
  return {
    cwd: process.cwd(),
    // read on first use: a lint run with the default report never needs it
    get version() {
      return packageVersion();
    },
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    isTTY: Boolean(process.stdout.isTTY),
  };
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
