import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, resolveConfig } from '../../src/config/index.ts';
import { knownRules } from './known-rules.ts';

const OUR_KEYS = ['rules', 'ignore', 'failureThreshold', 'trustedRegistries', 'labelSchema', 'strictLabels', 'overrides', 'ruleset'];
const HADOLINT_KEYS = ['ignored', 'override', 'failure-threshold', 'trustedRegistries', 'label-schema', 'no-fail'];
const RULE_NAMES = [...knownRules.map((r) => r.id), 'DL3007', 'SC2086', 'nope'];

/** Plausible configs with arbitrary values in places, so generation reaches deep into the schema. */
const configLike = (keys: string[]) =>
  fc.oneof(
    fc.jsonValue(),
    fc.dictionary(
      fc.constantFrom(...keys),
      fc.oneof(
        fc.jsonValue(),
        fc.dictionary(fc.constantFrom(...RULE_NAMES, 'error', 'files'), fc.jsonValue()),
        fc.array(fc.oneof(fc.constantFrom(...RULE_NAMES), fc.jsonValue())),
      ),
    ),
  );

describe('any config content', () => {
  let dir: string;
  let counter = 0;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tslint-docker-fuzz-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** Resolving either succeeds or throws a ConfigError: never another exception. */
  async function resolvesOrConfigError(fileName: string, content: unknown): Promise<void> {
    // a fresh name each run: configs are cached by path for the life of the process
    const configPath = path.join(dir, `${counter++}-${fileName}`);
    await writeFile(configPath, JSON.stringify(content));
    try {
      const config = await resolveConfig(path.join(dir, 'Dockerfile'), { knownRules, explicitConfig: configPath });
      expect(Object.keys(config.rules)).toEqual(knownRules.map((r) => r.id));
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
    }
  }

  it('of ours gives a config or a ConfigError', async () => {
    await fc.assert(fc.asyncProperty(configLike(OUR_KEYS), (c) => resolvesOrConfigError('rc.json', c)), { numRuns: 300 });
  });

  it('of hadolint gives a config or a ConfigError', async () => {
    await fc.assert(fc.asyncProperty(configLike(HADOLINT_KEYS), (c) => resolvesOrConfigError('hadolint.json', c)), {
      numRuns: 300,
    });
  });
});
