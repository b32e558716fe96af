import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { ConfigError, type KnownRule } from '../../src/config/index.ts';

/**
 * A slice of the registry, shaped as the rule registry hands it to resolveConfig: apt-pin-versions
 * is off in `recommended`, healthcheck-missing on in `all` only, json-cmd in BuildKit's too.
 */
export const knownRules: readonly KnownRule[] = [
  { id: 'apt-no-install-recommends', aliases: ['DL3015'], presets: { recommended: 'info', hadolint: 'info', all: 'info' } },
  { id: 'apt-pin-versions', aliases: ['DL3008'], presets: { hadolint: 'warning', all: 'warning' } },
  { id: 'no-latest-tag', aliases: ['DL3007'], presets: { recommended: 'warning', hadolint: 'warning', all: 'warning' } },
  { id: 'trusted-registry', aliases: ['DL3026'], presets: { recommended: 'error', hadolint: 'error', all: 'error' } },
  { id: 'copy-over-add', aliases: ['DL3020'], presets: { recommended: 'error', hadolint: 'error', all: 'error' } },
  { id: 'json-cmd', aliases: ['DL3025', 'JSONArgsRecommended'], presets: { recommended: 'warning', hadolint: 'warning', buildkit: 'warning', all: 'warning' } },
  { id: 'consecutive-run', aliases: ['DL3059'], since: '0.2', presets: { recommended: 'info', hadolint: 'info', all: 'info' } },
  { id: 'heredoc-prefer', aliases: [], since: '0.3.1', presets: { recommended: 'style', all: 'style' } },
  { id: 'healthcheck-missing', aliases: ['DL3057'], presets: { all: 'info' } },
];

/** the `recommended` preset's settings, what a file gets with no config */
export const defaultSettings = {
  'apt-no-install-recommends': 'info',
  'apt-pin-versions': 'off',
  'no-latest-tag': 'warning',
  'trusted-registry': 'error',
  'copy-over-add': 'error',
  'json-cmd': 'warning',
  'consecutive-run': 'info',
  'heredoc-prefer': 'style',
  'healthcheck-missing': 'off',
} as const;

/** the `hadolint` preset's settings, what a .hadolint.yaml starts from */
export const hadolintSettings = { ...defaultSettings, 'apt-pin-versions': 'warning', 'heredoc-prefer': 'off' } as const;

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
