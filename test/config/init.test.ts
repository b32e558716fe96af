import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig, starterConfigText } from '../../src/config/index.ts';
import { defaultSettings, knownRules } from './known-rules.ts';

describe('starter config', () => {
  it('points editors at the schema and pins the ruleset of the running version', () => {
    const starter = JSON.parse(starterConfigText('0.2.0-beta.1')) as Record<string, unknown>;
    expect(starter.$schema).toBe('https://unpkg.com/tslint-docker@0.2.0-beta.1/schemas/config.schema.json');
    expect(starter.ruleset).toBe('0.2.0');
    expect(starter.preset).toBe('recommended');
  });

  it('is a valid config that keeps the rules of its version', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tslint-docker-init-'));
    try {
      await writeFile(path.join(dir, '.tslint-dockerrc.json'), starterConfigText('0.2.0'));
      const config = await resolveConfig(path.join(dir, 'Dockerfile'), { knownRules });
      expect(config.source).toBe(path.join(dir, '.tslint-dockerrc.json'));
      // heredoc-prefer arrived in 0.3.1, after the pinned 0.2.0
      expect(config.rules).toEqual({ ...defaultSettings, 'heredoc-prefer': 'off' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
