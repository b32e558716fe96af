import rule from '../../rules/base-image-digest.ts';
import { DIGEST_A, DIGEST_B, registryImage, staticLookup } from '../helpers/image-lookup.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

const images = staticLookup({
  'node:22-slim': registryImage(DIGEST_A),
  'ghcr.io/org/tool:1.2': registryImage(DIGEST_B),
  [`node:22-slim@${DIGEST_A}`]: registryImage(DIGEST_A),
  [`node@${DIGEST_B}`]: { found: false, missing: 'digest' },
  'node:99': { found: false, missing: 'tag' },
  'private/gone:1': { found: false, missing: 'repository' },
  'busybox:latest': registryImage(DIGEST_B),
  busybox: registryImage(DIGEST_B),
}, { 'busybox:latest': ['1.36.1', '1.36'], busybox: ['1.36.1', '1.36'] });
const resolved = { images };

ruleTester(rule, {
  valid: [
    `FROM node:22-slim@${DIGEST_A}\n`,
    { name: 'pinned and served', code: `FROM node:22-slim@${DIGEST_A}\n`, options: resolved },
    'FROM scratch\n',
    { name: 'an earlier stage', code: `FROM node@${DIGEST_A} AS build\nFROM build\nCOPY --from=build /a /a\n` },
    { name: 'unknown variable', code: 'FROM ${BASE}\n' },
    { name: 'COPY --from a stage', code: `FROM node@${DIGEST_A} AS build\nFROM scratch\nCOPY --from=build /a /a\nCOPY --from=0 /a /a\n` },
    { name: 'RUN --mount from a stage', code: `FROM node@${DIGEST_A} AS build\nFROM node@${DIGEST_A}\nRUN --mount=type=bind,from=build,target=/b true\n` },
  ],
  invalid: [
    { name: 'not resolved: the finding, no fix', code: 'FROM node:22-slim\n', errors: [{ message: '`node:22-slim` is not pinned by digest: the tag can name another image tomorrow', line: 1, column: 6, endColumn: 18 }] },
    {
      name: 'resolved: pinned, the tag kept',
      code: 'FROM node:22-slim AS build\n',
      options: resolved,
      errors: 1,
      unsafeOutput: `FROM node:22-slim@${DIGEST_A} AS build\n`,
    },
    {
      name: 'COPY --from and RUN --mount=from',
      code: `FROM node:22-slim@${DIGEST_A}\nCOPY --from=ghcr.io/org/tool:1.2 /bin/tool /bin/tool\nRUN --mount=type=bind,from=ghcr.io/org/tool:1.2,target=/t /t/tool\n`,
      options: resolved,
      errors: [{ line: 2, column: 13, endColumn: 33 }, { line: 3, column: 28, endColumn: 48 }],
      unsafeOutput: `FROM node:22-slim@${DIGEST_A}\nCOPY --from=ghcr.io/org/tool:1.2@${DIGEST_B} /bin/tool /bin/tool\nRUN --mount=type=bind,from=ghcr.io/org/tool:1.2@${DIGEST_B},target=/t /t/tool\n`,
    },
    {
      name: 'an ARG-built reference: reported, not edited (the ARG may differ in another build)',
      code: 'ARG TAG=22-slim\nFROM node:${TAG}\n',
      options: resolved,
      errors: [{ line: 2, message: /`node:22-slim` is not pinned/ }],
    },
    {
      name: 'a stage built FROM another stage is reported at the root only',
      code: 'FROM node:22-slim AS base\nFROM base\n',
      options: resolved,
      errors: [{ line: 1 }],
      unsafeOutput: `FROM node:22-slim@${DIGEST_A} AS base\nFROM base\n`,
    },
    {
      name: 'latest, or no tag: the version tag of the same image beside the digest',
      code: 'FROM busybox:latest AS a\nFROM busybox\n',
      options: resolved,
      errors: 2,
      unsafeOutput: `FROM busybox:1.36.1@${DIGEST_B} AS a\nFROM busybox:1.36.1@${DIGEST_B}\n`,
    },
    {
      name: 'a digest the registry no longer serves',
      code: `FROM node@${DIGEST_B}\n`,
      options: resolved,
      errors: [{ message: `The registry no longer serves \`node@${DIGEST_B}\` (no such digest): the build fails to pull it` }],
    },
    { name: 'a repository that is gone', code: 'FROM private/gone:1\n', options: resolved, errors: [{ message: /no longer serves `private\/gone:1` \(no such repository\)/ }] },
    { name: 'a tag the registry does not have', code: 'FROM node:99\n', options: resolved, errors: [{ message: '`node:99` is not pinned by digest, and its registry has no such tag' }] },
  ],
});
