import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/index.ts';
import { expectConfigError, hadolintSettings, fixture, knownRules, shown } from './known-rules.ts';

describe('.hadolint.yaml', () => {
  it('maps a realistic hadolint config through the DL aliases', async () => {
    const config = await resolveConfig(fixture('hadolint/project/images/base/Dockerfile'), { knownRules });
    expect(config).toEqual({
      source: fixture('hadolint/project/.hadolint.yaml'),
      preset: 'hadolint',
      rules: {
        ...hadolintSettings,
        'apt-pin-versions': 'off', // ignored: DL3008
        'no-latest-tag': 'error', // override.error: DL3007
        'copy-over-add': 'error', // override.error: DL3020
        'apt-no-install-recommends': 'info', // override.info: DL3015
      },
      ruleOptions: {},
      codes: {},
      failureThreshold: 'warning',
      trustedRegistries: ['docker.io', 'ghcr.io', 'my-company.com:5000'],
      labelSchema: {
        maintainer: 'email',
        'org.opencontainers.image.source': 'url',
        'org.opencontainers.image.version': 'semver',
      },
      strictLabels: true,
      disableInlineIgnores: true,
      images: 'off',
      buildArgs: {},
      warnings: [
        `${shown('hadolint/project/.hadolint.yaml')}: 'format' is not applied (use --format)`,
        `${shown('hadolint/project/.hadolint.yaml')}: rules tslint-docker does not implement, ignored: SC2086`,
      ],
    });
  });

  it('reads .hadolint.yml, a single trusted registry, empty keys and no-fail', async () => {
    const config = await resolveConfig(fixture('hadolint/yml/Dockerfile'), { knownRules });
    expect(config.source).toBe(fixture('hadolint/yml/.hadolint.yml'));
    expect(config.trustedRegistries).toEqual(['registry.example.com']);
    expect(config.failureThreshold).toBe('none');
    expect(config.preset).toBe('hadolint');
    expect(config.rules).toEqual(hadolintSettings);
  });

  it("keeps hadolint's meaning of failure-threshold none: any finding fails", async () => {
    const config = await resolveConfig(fixture('hadolint/threshold-none/Dockerfile'), { knownRules });
    expect(config.failureThreshold).toBe('style');
  });

  it('is passed over when a config of ours exists further up', async () => {
    const config = await resolveConfig(fixture('hadolint/ours-above/app/Dockerfile'), { knownRules });
    expect(config.source).toBe(fixture('hadolint/ours-above/.tslint-dockerrc.json'));
    expect(config.preset).toBe('recommended');
    expect(config.rules['json-cmd']).toBe('info');
  });

  it('warns about keys hadolint would ignore, with a suggestion', async () => {
    const config = await resolveConfig(fixture('hadolint/typo/Dockerfile'), { knownRules });
    expect(config.rules).toEqual(hadolintSettings);
    expect(config.warnings).toEqual([
      `${shown('hadolint/typo/.hadolint.yaml')}: unknown key 'ignore' ignored (did you mean 'ignored'?)`,
    ]);
  });

  it('rejects a value of the wrong type', () =>
    expectConfigError(
      resolveConfig(fixture('hadolint/bad-value/Dockerfile'), { knownRules }),
      `${shown('hadolint/bad-value/.hadolint.yaml')}: override.error must be an array`,
    ));

  it('is read in hadolint format through --config when its name says hadolint', async () => {
    const config = await resolveConfig(fixture('nested/Dockerfile'), {
      knownRules,
      explicitConfig: fixture('hadolint/explicit/ci-hadolint.yaml'),
    });
    expect(config.source).toBe(fixture('hadolint/explicit/ci-hadolint.yaml'));
    expect(config.preset).toBe('hadolint');
    expect(config.rules['no-latest-tag']).toBe('off');
    expect(config.failureThreshold).toBe('error');
  });
});
