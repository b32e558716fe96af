/**
 * BuildKit conformance, one table per check: the `buildkit` preset gives, for each of BuildKit's
 * 22 checks, the findings `docker build --check` gives, on the same lines, with BuildKit's
 * message. The cases follow BuildKit's own expectations (frontend/dockerfile/dockerfile_check_test.go,
 * there with a leading blank line: the line numbers here are one less).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getLinter, type LintOptions } from '../../src/linter/index.ts';
import { BUILDKIT_CHECKS } from '../../src/linter/presets.ts';
import { loadContext, type ImageLookup, type ImagePlatform } from '../../src/model/index.ts';
import { DIGEST_A, ROOT_CONFIG } from '../helpers/image-lookup.ts';

interface Case {
  name: string;
  code: string;
  /** the `.dockerignore` of the build context */
  dockerignore?: string;
  options?: LintOptions;
  /** BuildKit's findings of this check: line and message; empty for a valid case */
  expected: readonly [line: number, message: string][];
}

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
function contextWith(dockerignore: string): LintOptions {
  const dir = mkdtempSync(join(tmpdir(), 'buildkit-checks-'));
  dirs.push(dir);
  writeFileSync(join(dir, '.dockerignore'), dockerignore);
  writeFileSync(join(dir, 'Dockerfile'), '');
  return { context: loadContext(dir) };
}

const AMD64: ImagePlatform = { os: 'linux', architecture: 'amd64', variant: '' };
/** a registry with one image, built for linux/amd64 only */
const amd64Only: ImageLookup = {
  image: (reference, platform) => reference === 'acme/tool:1'
    ? { found: true, image: { source: 'registry', digest: DIGEST_A, config: ROOT_CONFIG, platform: AMD64, platforms: [AMD64], offersPlatform: (platform ?? 'linux/amd64') === 'linux/amd64' } }
    : undefined,
  versionTags: () => undefined,
};

const json = (keyword: string) => `JSON arguments recommended for ${keyword} to prevent unintended behavior related to OS signals`;
const multiple = (keyword: string) => `Multiple ${keyword} instructions should not be used in the same stage because only the last one will be used`;
const secret = (instruction: string) => `Do not use ARG or ENV instructions for sensitive data (${instruction})`;

const CASES: Record<string, Case[]> = {
  StageNameCasing: [
    { name: 'upper-case letters', code: 'FROM scratch AS BadStageName\n', expected: [[1, "Stage name 'BadStageName' should be lowercase"]] },
    { name: 'lower case', code: 'FROM scratch AS base3\n', expected: [] },
  ],
  FromAsCasing: [
    { name: 'FROM ... as', code: 'FROM scratch as base2\n', expected: [[1, "'as' and 'FROM' keywords' casing do not match"]] },
    { name: 'from ... AS', code: 'from scratch AS base\n\nfrom scratch as base2\n', expected: [[1, "'AS' and 'from' keywords' casing do not match"]] },
    { name: 'same casing', code: 'FROM scratch AS base3\n', expected: [] },
  ],
  NoEmptyContinuation: [
    {
      name: 'once, on the last line of the instruction',
      code: 'FROM scratch\n# warning: empty continuation line\nCOPY Dockerfile \\\n\n.\nCOPY Dockerfile \\\n.\n',
      expected: [[5, 'Empty continuation line']],
    },
    { name: 'two empty lines, one finding', code: 'FROM scratch\nCOPY Dockerfile \\\n\n\n  /a \\\n  /b\n', expected: [[6, 'Empty continuation line']] },
    { name: 'no empty line', code: 'FROM scratch\nCOPY Dockerfile \\\n.\n', expected: [] },
  ],
  ConsistentInstructionCasing: [
    { name: 'mixed-case keyword', code: 'From scratch as base\nFROM scratch AS base2\n', expected: [[1, "Command 'From' should match the case of the command majority (uppercase)"]] },
    { name: 'against an upper-case majority', code: 'FROM scratch\ncopy Dockerfile /foo\nCOPY Dockerfile /bar\n', expected: [[2, "Command 'copy' should match the case of the command majority (uppercase)"]] },
    { name: 'against a lower-case majority', code: 'FROM scratch\ncopy Dockerfile /foo\ncopy Dockerfile /bar\ncopy Dockerfile /baz\n', expected: [[1, "Command 'FROM' should match the case of the command majority (lowercase)"]] },
    { name: 'all lower case', code: 'from scratch\ncopy Dockerfile /foo\ncopy Dockerfile /bar\n', expected: [] },
  ],
  DuplicateStageName: [
    { name: 'the second one', code: 'FROM scratch AS b\nFROM scratch AS b\n', expected: [[2, 'Duplicate stage name "b", stage names should be unique']] },
    { name: 'distinct names', code: 'FROM scratch AS b1\nFROM scratch AS b2\n', expected: [] },
  ],
  ReservedStageName: [
    {
      name: 'scratch and context',
      code: 'FROM scratch AS scratch\nFROM scratch AS context\n',
      expected: [[1, 'Stage name should not use the same name as reserved stage "scratch"'], [2, 'Stage name should not use the same name as reserved stage "context"']],
    },
    { name: 'scratch as the base', code: 'FROM scratch\nFROM scratch AS a\n', expected: [] },
  ],
  JSONArgsRecommended: [
    { name: 'shell-form CMD', code: 'FROM scratch\nCMD mycommand\n', expected: [[2, json('CMD')]] },
    { name: 'shell-form ENTRYPOINT', code: 'FROM scratch\nENTRYPOINT mycommand\n', expected: [[2, json('ENTRYPOINT')]] },
    { name: 'a command that needs its shell', code: 'FROM scratch\nCMD /bin/$BIN_NAME 2>&1\n', expected: [[2, json('CMD')]] },
    { name: 'exec form', code: 'FROM scratch\nCMD ["mycommand"]\n', expected: [] },
    { name: 'an ONBUILD trigger (it runs in the child image)', code: 'FROM scratch\nONBUILD CMD mycommand\n', expected: [] },
    { name: 'after a SHELL', code: 'FROM scratch\nSHELL ["/usr/bin/customshell"]\nCMD mycommand\n', expected: [] },
    { name: 'ENTRYPOINT after a SHELL', code: 'FROM scratch\nSHELL ["/usr/bin/customshell"]\nENTRYPOINT mycommand\n', expected: [] },
    { name: 'the SHELL of the stage it builds on', code: 'FROM scratch AS base\nSHELL ["/usr/bin/customshell"]\n\nFROM base\nCMD mycommand\n', expected: [] },
    { name: 'the SHELL of a stage it builds on, two levels up', code: 'FROM scratch AS a\nSHELL ["/usr/bin/customshell"]\nFROM a AS b\nFROM b\nENTRYPOINT mycommand\n', expected: [] },
    { name: 'a SHELL of another stage does not count', code: 'FROM scratch AS a\nSHELL ["/usr/bin/customshell"]\nFROM scratch\nCMD mycommand\n', expected: [[4, json('CMD')]] },
  ],
  MaintainerDeprecated: [
    { name: 'MAINTAINER', code: 'FROM scratch\nMAINTAINER me@example.org\n', expected: [[2, 'Maintainer instruction is deprecated in favor of using label']] },
    { name: 'the label', code: 'FROM scratch\nLABEL org.opencontainers.image.authors="me@example.org"\n', expected: [] },
  ],
  UndefinedArgInFrom: [
    { name: 'a typo of a platform ARG', code: 'FROM --platform=$BULIDPLATFORM scratch\nCOPY Dockerfile .\n', expected: [[1, "FROM argument 'BULIDPLATFORM' is not declared (did you mean BUILDPLATFORM?)"]] },
    {
      name: 'a typo of a global ARG',
      code: 'ARG MY_OS=linux\nARG MY_ARCH=amd64\nFROM --platform=linux/${MYARCH} busybox\nCOPY Dockerfile .\n',
      expected: [[3, "FROM argument 'MYARCH' is not declared (did you mean MY_ARCH?)"]],
    },
    { name: 'no suggestion', code: 'ARG tag=latest\nFROM busybox:${tag}${version} AS b\nCOPY Dockerfile .\n', expected: [[2, "FROM argument 'version' is not declared"]] },
    { name: 'a declared ARG', code: 'ARG base=scratch\nFROM $base\nCOPY Dockerfile .\n', expected: [] },
    { name: 'a predefined platform ARG', code: 'FROM --platform=$BUILDPLATFORM scratch\nCOPY Dockerfile .\n', expected: [] },
    { name: 'a default for the unset ARG', code: 'ARG DEBUG\nFROM scra${DEBUG:-tch}\nCOPY Dockerfile .\n', expected: [] },
  ],
  WorkdirRelativePath: [
    { name: 'relative first WORKDIR', code: 'FROM scratch\nWORKDIR app/\n', expected: [[2, 'Relative workdir "app/" can have unexpected results if the base image changes']] },
    { name: 'after a WORKDIR of the stage it builds on', code: 'FROM scratch AS a\nWORKDIR /app\n\nFROM a AS b\nWORKDIR subdir/\n', expected: [] },
    { name: 'after a WORKDIR of the stage', code: 'FROM scratch\nWORKDIR /srv\nWORKDIR app\n', expected: [] },
    { name: 'a WORKDIR of another stage does not count', code: 'FROM scratch AS a\nWORKDIR /app\nFROM scratch\nWORKDIR app\n', expected: [[4, 'Relative workdir "app" can have unexpected results if the base image changes']] },
  ],
  UndefinedVar: [
    { name: 'declared without a value', code: 'FROM scratch\nARG foo\nCOPY Dockerfile${foo} .\n', expected: [] },
    { name: 'an ARG of the stage it builds on', code: 'FROM alpine AS base\nARG foo=Dockerfile\n\nFROM base\nCOPY $foo .\n', expected: [] },
    { name: 'an ENV of the stage it builds on', code: 'FROM alpine AS base\nENV foo=Dockerfile\nFROM base AS mid\nFROM mid\nCOPY $foo .\n', expected: [] },
    { name: 'PATH', code: 'FROM alpine\nRUN echo $PATH\n', expected: [] },
    { name: 'used before its ARG', code: 'FROM alpine\nCOPY $foo .\nARG foo=bar\nRUN echo $foo\n', expected: [[2, "Usage of undefined variable '$foo'"]] },
    {
      name: 'a typo',
      code: 'FROM alpine\nARG DIR_BINARIES=binaries/\nARG DIR_ASSETS=assets/\nARG DIR_CONFIG=config/\nCOPY $DIR_ASSET .\n',
      expected: [[5, "Usage of undefined variable '$DIR_ASSET' (did you mean $DIR_ASSETS?)"]],
    },
    { name: 'a typo of PATH', code: 'FROM alpine\nENV PATH=$PAHT:/tmp/bin\n', expected: [[2, "Usage of undefined variable '$PAHT' (did you mean $PATH?)"]] },
    { name: 'an ARG of another stage does not count', code: 'FROM alpine AS a\nARG foo=x\nFROM alpine\nCOPY $foo .\n', expected: [[4, "Usage of undefined variable '$foo'"]] },
  ],
  MultipleInstructionsDisallowed: [
    {
      name: 'each on the earlier one',
      code: 'FROM scratch\nENTRYPOINT ["/myapp"]\nENTRYPOINT ["/myotherapp"]\nCMD ["/myapp"]\nCMD ["/myotherapp"]\nHEALTHCHECK CMD ["/myapp"]\nHEALTHCHECK CMD ["/myotherapp"]\n',
      expected: [[2, multiple('ENTRYPOINT')], [4, multiple('CMD')], [6, multiple('HEALTHCHECK')]],
    },
    {
      name: 'other instructions between them',
      code: 'FROM scratch\nENTRYPOINT ["/myapp"]\nCMD ["/myapp"]\nHEALTHCHECK CMD ["/myapp"]\nCOPY <<EOF /a.txt\nHello, World!\nEOF\nENTRYPOINT ["/myotherapp"]\nCMD ["/myotherapp"]\nHEALTHCHECK CMD ["/myotherapp"]\n',
      expected: [[2, multiple('ENTRYPOINT')], [3, multiple('CMD')], [4, multiple('HEALTHCHECK')]],
    },
    {
      name: 'a stage built FROM another starts with none',
      code: 'FROM scratch AS a\nENTRYPOINT ["/myapp"]\nCMD ["/myapp"]\nHEALTHCHECK CMD ["/myapp"]\n\nFROM a AS b\nENTRYPOINT ["/myotherapp"]\nCMD ["/myotherapp"]\nHEALTHCHECK CMD ["/myotherapp"]\n',
      expected: [],
    },
  ],
  LegacyKeyValueFormat: [
    {
      name: 'ENV and LABEL',
      code: 'FROM scratch\nENV testkey value\nLABEL key value\n',
      expected: [[2, '"ENV key=value" should be used instead of legacy "ENV key value" format'], [3, '"LABEL key=value" should be used instead of legacy "LABEL key value" format']],
    },
    { name: 'key=value', code: 'FROM scratch\nENV testkey=value\nLABEL key=value\n', expected: [] },
  ],
  InvalidDefaultArgInFrom: [
    { name: 'an empty tag', code: 'ARG VERSION\nFROM busybox:$VERSION\n', expected: [[2, 'Default value for ARG busybox:$VERSION results in empty or invalid base image name']] },
    { name: 'an empty image', code: 'ARG IMAGE\nFROM $IMAGE\n', expected: [[2, 'Default value for ARG $IMAGE results in empty or invalid base image name']] },
    { name: 'an invalid default', code: 'ARG SFX="box:"\nFROM busy${SFX}\n', expected: [[2, 'Default value for ARG busy${SFX} results in empty or invalid base image name']] },
    { name: 'a valid default', code: 'ARG VERSION="latest"\nFROM busybox:${VERSION}\n', expected: [] },
    { name: 'an empty suffix', code: 'ARG BUSYBOX_VARIANT=""\nFROM busybox:stable${BUSYBOX_VARIANT}\n', expected: [] },
  ],
  FromPlatformFlagConstDisallowed: [
    { name: 'a constant platform', code: 'FROM --platform=linux/amd64 scratch\n', expected: [[1, 'FROM --platform flag should not use constant value "linux/amd64"']] },
    { name: 'a stage named for its architecture', code: 'FROM --platform=linux/amd64 scratch AS my_amd64_stage\n', expected: [] },
    { name: 'a stage named for its OS', code: 'FROM --platform=linux/amd64 scratch AS linux\n', expected: [] },
  ],
  CopyIgnoredFile: [
    {
      name: 'COPY and ADD of an ignored file',
      code: 'FROM scratch\nCOPY Dockerfile .\nADD Dockerfile /windy\n',
      dockerignore: '\nDockerfile\n',
      expected: [[2, 'Attempting to Copy file "Dockerfile" that is excluded by .dockerignore'], [3, 'Attempting to Add file "Dockerfile" that is excluded by .dockerignore']],
    },
    { name: 'the whole context, when * excludes every top-level entry', code: 'FROM scratch\nCOPY . .\n', dockerignore: '*\n', expected: [[2, 'Attempting to Copy file "." that is excluded by .dockerignore']] },
    { name: 'the whole context, dotfiles excluded', code: 'FROM scratch\nCOPY . .\n', dockerignore: '.*\n', expected: [] },
    { name: 'a path from another stage', code: 'FROM scratch AS base\nCOPY Dockerfile /foobar\nADD Dockerfile /windy\n\nFROM base\nCOPY --from=base /foobar /Dockerfile\n', dockerignore: 'foobar\n', expected: [] },
    { name: 'an exclusion: not checked', code: 'FROM scratch\nCOPY ./Dockerfile .\n', dockerignore: '**\n!Dockerfile\n', expected: [] },
    { name: 'an exclusion, the whole context', code: 'FROM scratch\nCOPY . .\n', dockerignore: '**\n!Dockerfile\n', expected: [] },
  ],
  RedundantTargetPlatform: [
    { name: '$TARGETPLATFORM', code: 'FROM --platform=$TARGETPLATFORM scratch\n', expected: [[1, 'Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior']] },
    { name: '${TARGETPLATFORM}', code: 'FROM --platform=${TARGETPLATFORM} scratch\n', expected: [[1, 'Setting platform to predefined ${TARGETPLATFORM} in FROM is redundant as this is the default behavior']] },
    { name: '$BUILDPLATFORM', code: 'FROM --platform=$BUILDPLATFORM scratch\n', expected: [] },
  ],
  SecretsUsedInArgOrEnv: [
    {
      name: 'secret words as `_`-delimited tokens',
      code: 'FROM scratch\nARG SECRET_PASSPHRASE\nENV SUPER_Secret=foo\nENV password=bar secret=baz\nARG super_duper_secret_token=foo auth=bar\nENV apikey=bar sunflower=foo\nENV git_key=\n',
      expected: [
        [2, secret('ARG "SECRET_PASSPHRASE"')], [3, secret('ENV "SUPER_Secret"')], [4, secret('ENV "password"')], [4, secret('ENV "secret"')],
        [5, secret('ARG "super_duper_secret_token"')], [5, secret('ARG "auth"')], [6, secret('ENV "apikey"')], [7, secret('ENV "git_key"')],
      ],
    },
    {
      name: 'public, file and version words',
      code: 'FROM scratch\nENV PUBLIC_KEY=\nARG public_token\nARG SECRET_PASSPHRASE_FILE\nENV password_file=bar secret_File=baz\nARG AUTH_MODULE_VERSION\n',
      expected: [],
    },
  ],
  InvalidDefinitionDescription: [
    {
      name: 'comments that do not start with the name (an experimental check, turned on)',
      code: '# bar this is the bar\nARG foo=bar\n# BasE this is the BasE image\nFROM scratch AS base\n# definitely a bad comment\nARG version=latest\n# definitely a bad comment\nARG foo=baz bar=qux baz=quux\n',
      options: { rules: { 'invalid-definition-description': 'warning' } },
      expected: [
        [2, 'Comment for ARG should follow the format: `# foo <description>`'], [4, 'Comment for FROM should follow the format: `# base <description>`'],
        [6, 'Comment for ARG should follow the format: `# version <description>`'], [8, 'Comment for ARG should follow the format: `# <arg_key> <description>`'],
      ],
    },
    {
      name: 'descriptions, and comments a blank line or `#` separates',
      code: '# foo this is the foo\nARG foo=bar\n\n# base this is the base image\nFROM scratch AS base\n\n# version this is the version number\nARG version=latest\n\n# baz this is the baz\nARG foo=baz bar=qux baz=quux\n#\nARG bit=bat\n\n# comment for something other than ARG or FROM\nCOPY Dockerfile .\n',
      options: { rules: { 'invalid-definition-description': 'warning' } },
      expected: [],
    },
  ],
  ExposeProtoCasing: [
    {
      name: 'upper-case protocols',
      code: 'FROM scratch\nEXPOSE 80/TcP 8080/TCP 8080/udp\n',
      expected: [[2, "Defined protocol '80/TcP' in EXPOSE instruction should be lowercase"], [2, "Defined protocol '8080/TCP' in EXPOSE instruction should be lowercase"]],
    },
    { name: 'lower case', code: 'FROM scratch\nEXPOSE 80/tcp 8080/udp\n', expected: [] },
  ],
  ExposeInvalidFormat: [
    {
      name: 'IP addresses and host ports',
      code: 'FROM scratch\nEXPOSE 127.0.0.1:80:80 [::1]:8080:8080 5000:5000 8000\n',
      expected: [
        [2, "EXPOSE instruction should not define an IP address or host-port mapping, found '127.0.0.1:80:80'"],
        [2, "EXPOSE instruction should not define an IP address or host-port mapping, found '[::1]:8080:8080'"],
        [2, "EXPOSE instruction should not define an IP address or host-port mapping, found '5000:5000'"],
      ],
    },
    { name: 'ports only', code: 'FROM scratch\nEXPOSE 8000 8080/udp\n', expected: [] },
  ],
  InvalidBaseImagePlatform: [
    // more cases, with the registry's answers, in test/rules/invalid-base-image-platform.test.ts
    {
      name: 'an image of another platform',
      code: 'FROM --platform=linux/arm64 acme/tool:1\n',
      options: { images: amd64Only },
      expected: [[1, 'Base image acme/tool:1 was pulled with platform "linux/amd64", expected "linux/arm64" for current build']],
    },
    { name: 'the platform it has', code: 'FROM --platform=linux/amd64 acme/tool:1\n', options: { images: amd64Only }, expected: [] },
    { name: 'images not resolved: nothing known', code: 'FROM --platform=linux/arm64 acme/tool:1\n', expected: [] },
  ],
};

describe('BuildKit checks in the buildkit preset', () => {
  it('covers every check', () => {
    expect(Object.keys(CASES).sort()).toEqual([...BUILDKIT_CHECKS].sort());
  });
  for (const [check, cases] of Object.entries(CASES)) {
    describe(check, () => {
      for (const c of cases) {
        it(c.name, () => {
          const options: LintOptions = { ...(c.dockerignore !== undefined ? contextWith(c.dockerignore) : {}), ...c.options, preset: 'buildkit' };
          const findings = getLinter().lint(c.code, options).findings.filter((f) => f.aliases.includes(check));
          const got = findings.map((f) => [f.range.start.line, f.message]).sort(byLineThenMessage);
          expect(got).toEqual([...c.expected].sort(byLineThenMessage));
        });
      }
    });
  }
});

function byLineThenMessage(a: readonly [number, string] | (string | number)[], b: readonly [number, string] | (string | number)[]): number {
  return (a[0] as number) - (b[0] as number) || String(a[1]).localeCompare(String(b[1]));
}
