import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig, type ResolveOptions } from '../../src/config/index.ts';
import { defaultSettings, expectConfigError, fixture, knownRules, shown } from './known-rules.ts';

const resolve = (filePath: string, extra: Partial<ResolveOptions> = {}) => resolveConfig(filePath, { knownRules, ...extra });

describe('discovery', () => {
  it('uses the nearest config above the file', async () => {
    const api = await resolve(fixture('nested/services/api/Dockerfile'));
    expect(api.source).toBe(fixture('nested/services/.tslint-dockerrc.yaml'));
    expect(api.rules['apt-pin-versions']).toBe('info');
    // configs do not cascade: the outer file's settings do not apply here
    expect(api.rules['no-latest-tag']).toBe('warning');
    expect(api.trustedRegistries).toEqual([]);

    const root = await resolve(fixture('nested/Dockerfile'));
    expect(root.source).toBe(fixture('nested/.tslint-dockerrc.json'));
    expect(root.rules['apt-pin-versions']).toBe('error');
    expect(root.rules['no-latest-tag']).toBe('off');
    expect(root.trustedRegistries).toEqual(['docker.io']);
  });

  it('reads the tslint-docker key of package.json, by alias', async () => {
    const config = await resolve(fixture('package-json/Dockerfile'));
    expect(config.source).toBe(fixture('package-json/package.json'));
    expect(config.rules['apt-no-install-recommends']).toBe('error');
    expect(config.failureThreshold).toBe('warning');
  });

  it('passes over a package.json without the key', async () => {
    const config = await resolve(fixture('package-json-without-key/Dockerfile'));
    expect(config.source).toBe(fixture('package-json-without-key/.tslint-dockerrc'));
    expect(config.rules['json-cmd']).toBe('style');
  });

  it.each([
    ['rc-yaml-noext', '.tslint-dockerrc'],
    ['rc-yml', '.tslint-dockerrc.yml'],
    ['rc-js', '.tslint-dockerrc.js'],
    ['rc-cjs', '.tslint-dockerrc.cjs'],
    ['rc-mjs', '.tslint-dockerrc.mjs'],
    ['config-js', 'tslint-docker.config.js'],
    ['config-mjs', 'tslint-docker.config.mjs'],
    ['config-cjs', 'tslint-docker.config.cjs'],
    ['config-ts', 'tslint-docker.config.ts'],
  ])('loads %s (%s)', async (folder, name) => {
    const config = await resolve(fixture('formats', folder, 'Dockerfile'));
    expect(config.source).toBe(fixture('formats', folder, name));
    expect(config.rules).toEqual({ ...defaultSettings, 'json-cmd': 'error' });
  });

  describe('outside any project', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), 'tslint-docker-config-'));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('falls back to the defaults', async () => {
      const config = await resolve(path.join(dir, 'Dockerfile'));
      expect(config).toEqual({
        source: null,
        preset: 'recommended',
        rules: defaultSettings,
        ruleOptions: {},
        codes: {},
        failureThreshold: 'info',
        trustedRegistries: [],
        labelSchema: {},
        strictLabels: false,
        disableInlineIgnores: false,
        images: 'off',
        buildArgs: {},
        warnings: [],
      });
    });

    it('stops at the repository root', async () => {
      const outer = path.join(dir, 'outer');
      await mkdir(path.join(outer, 'repo', '.git'), { recursive: true });
      await writeFile(path.join(outer, '.tslint-dockerrc.json'), '{ "rules": { "json-cmd": "off" } }');
      expect((await resolve(path.join(outer, 'repo', 'Dockerfile'))).source).toBeNull();
      expect((await resolve(path.join(outer, 'other', 'Dockerfile'))).source).toBe(path.join(outer, '.tslint-dockerrc.json'));
    });
  });

  it('uses --config instead of searching', async () => {
    const config = await resolve(fixture('nested/Dockerfile'), {
      explicitConfig: shown('nested/services/.tslint-dockerrc.yaml'),
    });
    expect(config.source).toBe(fixture('nested/services/.tslint-dockerrc.yaml'));
    expect(config.rules['apt-pin-versions']).toBe('info');
  });

  it('treats an empty --config file as configuring nothing', async () => {
    const config = await resolve(fixture('nested/Dockerfile'), { explicitConfig: fixture('empty/.tslint-dockerrc.json') });
    expect(config.source).toBe(fixture('empty/.tslint-dockerrc.json'));
    expect(config.rules).toEqual(defaultSettings);
  });

  it('ignores every config file with --no-config', async () => {
    const config = await resolve(fixture('nested/Dockerfile'), { noConfig: true, cliRules: { DL3007: 'error' } });
    expect(config.source).toBeNull();
    expect(config.rules).toEqual({ ...defaultSettings, 'no-latest-tag': 'error' });
  });

  it('names a missing --config file', async () => {
    const missing = resolve(fixture('nested/Dockerfile'), { explicitConfig: fixture('nope/.tslint-dockerrc.json') });
    await expectConfigError(missing, `${shown('nope/.tslint-dockerrc.json')}: no such config file`);
  });

  it('refuses --config together with --no-config', async () => {
    const both = resolve(fixture('nested/Dockerfile'), { noConfig: true, explicitConfig: fixture('nested/.tslint-dockerrc.json') });
    await expectConfigError(both, '--config and --no-config cannot be used together');
  });
});
