import { describe, it } from 'vitest';
import { resolveConfig, type RuleSetting } from '../../src/config/index.ts';
import { expectConfigError, fixture, knownRules, shown } from './known-rules.ts';

const ALLOWED_TOP_LEVEL =
  '$schema, $import, preset, ruleset, rules, ignore, failureThreshold, trustedRegistries, labelSchema, strictLabels, disableInlineIgnores, overrides, buildArgs, images';

/** The error discovering the config in `invalid/<folder>` gives. */
async function expectInvalid(folder: string, file: string, problem: string): Promise<void> {
  const resolving = resolveConfig(fixture('invalid', folder, 'Dockerfile'), { knownRules });
  await expectConfigError(resolving, `${shown('invalid', folder, file)}: ${problem}`);
}

describe('config errors', () => {
  it.each([
    ['wrong-key', `unknown key 'rule' (did you mean 'rules'?); allowed: ${ALLOWED_TOP_LEVEL}`],
    ['wrong-severity', 'rules.apt-no-install-recommends must be one of off, error, warning, info, style'],
    ['unknown-rule', "unknown rule 'apt-no-install-recomends' in rules (did you mean 'apt-no-install-recommends'?)"],
    ['unknown-ignored', "unknown rule 'DL9999' in ignore"],
    ['unknown-in-override', "unknown rule 'no-latest-tags' in overrides[1].rules (did you mean 'no-latest-tag'?)"],
    ['override-without-files', "overrides[0] must have 'files'"],
    ['override-unknown-key', "unknown key 'rulse' in overrides[0] (did you mean 'rules'?); allowed: files, rules, ignore"],
    ['bad-tuple', 'rules.json-cmd must have at most 2 items'],
    ['bad-options', 'rules.json-cmd[1] must be an object'],
    ['bad-threshold', 'failureThreshold must be one of error, warning, info, style, none'],
    ['bad-preset', 'preset must be one of recommended, hadolint, buildkit, all'],
    ['bad-ruleset', 'ruleset must be a version such as "0.1" or "0.1.2"'],
    ['bad-type', 'trustedRegistries must be an array'],
    [
      'bad-label-type',
      'labelSchema["org.opencontainers.image.created"] must be one of text, url, semver, hash, rfc3339, spdx, email',
    ],
    ['malformed-json', 'invalid JSON: Expected double-quoted property name at line 4, column 3'],
  ])('%s', (folder, problem) => expectInvalid(folder, '.tslint-dockerrc.json', problem));

  it('names a malformed YAML file and where it breaks', () =>
    expectInvalid('malformed-yaml', '.tslint-dockerrc.yaml', 'invalid YAML: bad indentation of a mapping entry at line 3, column 17'));

  it('names a malformed package.json met on the way up', () =>
    expectInvalid('malformed-package-json', 'package.json', 'invalid JSON: Expected double-quoted property name at line 1, column 16'));

  it('rejects a config that is not an object', () =>
    expectInvalid('not-an-object', '.tslint-dockerrc.yaml', 'the configuration must be an object'));

  it('reports what a JavaScript config threw', () =>
    expectInvalid('throwing-js', 'tslint-docker.config.mjs', 'cannot load: missing env CI_REGISTRY'));

  it('checks rules given on the command line', async () => {
    const file = fixture('nested/Dockerfile');
    await expectConfigError(
      resolveConfig(file, { knownRules, noConfig: true, cliRules: { 'json-cmds': 'off' } }),
      "unknown rule 'json-cmds' in --rule (did you mean 'json-cmd'?)",
    );
    await expectConfigError(
      resolveConfig(file, { knownRules, noConfig: true, cliRules: { 'json-cmd': 'fatal' as RuleSetting } }),
      '--rule json-cmd=fatal: the setting must be one of off, error, warning, info, style',
    );
    await expectConfigError(
      resolveConfig(file, { knownRules, noConfig: true, cliIgnore: ['dl3007'] }),
      "unknown rule 'dl3007' in --ignore (did you mean 'DL3007'?)",
    );
    await expectConfigError(
      resolveConfig(file, { knownRules, preset: 'hadolnt' }),
      "unknown preset 'hadolnt' in --preset (did you mean 'hadolint'?); use one of recommended, hadolint, buildkit, all",
    );
  });
});
