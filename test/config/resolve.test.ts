import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/index.ts';
import { defaultSettings, fixture, hadolintSettings, knownRules } from './known-rules.ts';

const settingsFor = async (...parts: string[]) => (await resolveConfig(fixture(...parts), { knownRules })).rules;

describe('presets', () => {
  it('start every file from the preset, which the config changes rule by rule', async () => {
    const config = await resolveConfig(fixture('preset/Dockerfile'), { knownRules });
    expect(config.preset).toBe('all');
    expect(config.rules).toEqual({ ...defaultSettings, 'healthcheck-missing': 'info' });
    expect(await settingsFor('preset/legacy/Dockerfile')).toEqual({ ...defaultSettings, 'healthcheck-missing': 'error' });
  });

  it('--preset wins over the config\'s, a .hadolint.yaml\'s included; the config still applies on top', async () => {
    const config = await resolveConfig(fixture('preset/Dockerfile'), { knownRules, preset: 'buildkit' });
    expect(config.preset).toBe('buildkit');
    expect(config.rules).toEqual({
      'apt-no-install-recommends': 'off',
      'apt-pin-versions': 'off',
      'no-latest-tag': 'off',
      'trusted-registry': 'off',
      'copy-over-add': 'off',
      'json-cmd': 'warning',
      'consecutive-run': 'off',
      'heredoc-prefer': 'off',
      'healthcheck-missing': 'off',
    });
    const hadolint = await resolveConfig(fixture('hadolint/yml/Dockerfile'), { knownRules, preset: 'recommended' });
    expect(hadolint.preset).toBe('recommended');
    expect(hadolint.rules).toEqual(defaultSettings);
    const none = await resolveConfig(fixture('preset/Dockerfile'), { knownRules, noConfig: true, preset: 'hadolint' });
    expect(none.rules).toEqual(hadolintSettings);
  });
});

describe('overrides', () => {
  it('leave files that no glob matches alone', async () => {
    const config = await resolveConfig(fixture('overrides/services/web/Dockerfile'), { knownRules });
    // the top level turns apt-pin-versions on, the preset leaves it off
    expect(config.rules).toEqual({ ...defaultSettings, 'apt-pin-versions': 'warning' });
    expect(config.ruleOptions).toEqual({ 'apt-pin-versions': { allow: ['ca-certificates'] } });
  });

  it('apply to files under an anchored glob, ignore included', async () => {
    expect(await settingsFor('overrides/legacy/app/Dockerfile')).toEqual({
      ...defaultSettings,
      'apt-pin-versions': 'warning',
      'copy-over-add': 'warning',
      'no-latest-tag': 'off',
    });
  });

  it('apply in order, later ones winning', async () => {
    expect(await settingsFor('overrides/legacy/old/Dockerfile')).toEqual({
      ...defaultSettings,
      'copy-over-add': 'warning',
      'no-latest-tag': 'info',
      'apt-pin-versions': 'error',
    });
  });

  it('match a glob without a slash at any depth, and each glob of a list', async () => {
    expect((await settingsFor('overrides/a/b/web.dev.Dockerfile'))['apt-pin-versions']).toBe('off');
    expect((await settingsFor('overrides/tools/ci/Dockerfile'))['apt-pin-versions']).toBe('off');
    // anchored: tools/ci/Dockerfile is relative to the config's folder only
    expect((await settingsFor('overrides/x/tools/ci/Dockerfile'))['apt-pin-versions']).toBe('warning');
  });

  it('keep options set at the top level when they change only the severity', async () => {
    const config = await resolveConfig(fixture('overrides/legacy/old/Dockerfile'), { knownRules });
    expect(config.ruleOptions['apt-pin-versions']).toEqual({ allow: ['ca-certificates'] });
  });
});

describe('ruleset pinning', () => {
  it('turns off rules introduced after the pinned version unless enabled', async () => {
    // consecutive-run (0.2) is in ruleset 0.2; heredoc-prefer (0.3.1) is not, but the config enables it
    expect(await settingsFor('ruleset/Dockerfile')).toEqual({ ...defaultSettings, 'heredoc-prefer': 'info' });
    expect(await settingsFor('ruleset/older/Dockerfile')).toEqual({
      ...defaultSettings,
      'consecutive-run': 'off',
      'heredoc-prefer': 'off',
    });
  });
});

describe('command line', () => {
  it('wins over the config file and its overrides', async () => {
    const config = await resolveConfig(fixture('overrides/legacy/old/Dockerfile'), {
      knownRules,
      cliRules: { 'no-latest-tag': 'error', DL3008: 'style' },
      cliIgnore: ['copy-over-add'],
    });
    expect(config.rules).toEqual({
      ...defaultSettings,
      'copy-over-add': 'off',
      'no-latest-tag': 'error',
      'apt-pin-versions': 'style',
    });
  });
});

describe('results', () => {
  it('are frozen: one file\'s consumer cannot change what the next file sees', async () => {
    const first = await resolveConfig(fixture('nested/Dockerfile'), { knownRules });
    expect(() => (first.trustedRegistries as string[]).push('evil.example.com')).toThrow(TypeError);
    expect(() => ((first.rules as Record<string, string>)['json-cmd'] = 'off')).toThrow(TypeError);
    expect(() => ((first as { preset: string }).preset = 'all')).toThrow(TypeError);
    const second = await resolveConfig(fixture('nested/Dockerfile'), { knownRules });
    expect(second.trustedRegistries).toEqual(['docker.io']);
    expect(second.rules['json-cmd']).toBe('warning');
  });

  it('are shared by files configured alike, and made anew when what decides them differs', async () => {
    const cliRules = { 'json-cmd': 'error' as const };
    const a = await resolveConfig(fixture('overrides/x/tools/ci/Dockerfile'), { knownRules, cliRules });
    // the same config file, no override matching either, the same command-line objects: one result
    const b = await resolveConfig(fixture('overrides/y/Dockerfile'), { knownRules, cliRules });
    expect(b).toBe(a);
    // an override matches this one
    const matched = await resolveConfig(fixture('overrides/tools/ci/Dockerfile'), { knownRules, cliRules });
    expect(matched.rules['apt-pin-versions']).toBe('off');
    expect(a.rules['apt-pin-versions']).toBe('warning');
    // an equal but new command-line object: resolved again, to an equal result
    const c = await resolveConfig(fixture('overrides/y/Dockerfile'), { knownRules, cliRules: { ...cliRules } });
    expect(c).not.toBe(a);
    expect(c).toStrictEqual(a);
    const d = await resolveConfig(fixture('overrides/y/Dockerfile'), { knownRules, cliRules, preset: 'all' });
    expect(d.preset).toBe('all');
    expect(a.preset).not.toBe('all');
  });

  it('print as JSON for --print-config', async () => {
    const config = await resolveConfig(fixture('package-json/Dockerfile'), { knownRules });
    expect(JSON.parse(JSON.stringify(config))).toStrictEqual(config);
  });
});

describe('$import', () => {
  it('builds on another config: objects merge, arrays of the importing file replace', async () => {
    const config = await resolveConfig(fixture('import/app/Dockerfile'), { knownRules });
    expect(config.source).toBe(fixture('import/app/.tslint-dockerrc.json'));
    expect(config.rules).toEqual({
      ...defaultSettings,
      'no-latest-tag': 'error',
      'json-cmd': 'off',
      'apt-pin-versions': 'error',
      'copy-over-add': 'off',
    });
    expect(config.ruleOptions).toEqual({});
    expect(config.trustedRegistries).toEqual(['ghcr.io']);
    expect(config.failureThreshold).toBe('warning');
  });
});
