import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { ConfigError, type KnownRule } from '../../src/config/index.ts';

/** A slice of the registry, shaped as the rule registry will hand it to resolveConfig. */
export const knownRules: readonly KnownRule[] = [
  { id: 'apt-no-install-recommends', aliases: ['DL3015'], severity: 'info' },
  { id: 'apt-pin-versions', aliases: ['DL3008'], severity: 'warning' },
  { id: 'no-latest-tag', aliases: ['DL3007'], severity: 'warning' },
  { id: 'trusted-registry', aliases: ['DL3026'], severity: 'error' },
  { id: 'copy-over-add', aliases: ['DL3020'], severity: 'error' },
  { id: 'json-cmd', aliases: ['DL3025'], severity: 'warning' },
  { id: 'consecutive-run', aliases: ['DL3059'], severity: 'info', since: '0.2' },
  { id: 'heredoc-prefer', aliases: [], severity: 'style', since: '0.3.1' },
];

export const defaultSettings = {
  'apt-no-install-recommends': 'info',
  'apt-pin-versions': 'warning',
  'no-latest-tag': 'warning',
  'trusted-registry': 'error',
  'copy-over-add': 'error',
  'json-cmd': 'warning',
  'consecutive-run': 'info',
  'heredoc-prefer': 'style',
} as const;

export const fixturesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/config');

/** Absolute path of a fixture file (which need not exist: discovery starts at its folder). */
export function fixture(...parts: string[]): string {
  return path.join(fixturesDir, ...parts);
}

/** The path as error messages show it: relative to the working directory. */
export function shown(...parts: string[]): string {
  return path.relative(process.cwd(), fixture(...parts));
}

/** The promise rejects with a ConfigError carrying exactly `message`. */
export async function expectConfigError(promise: Promise<unknown>, message: string): Promise<void> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConfigError);
  expect((error as ConfigError).message).toBe(message);
}
