import rule from '../../rules/invalid-base-image-platform.ts';
import type { ImageAnswer, ImageLookup, ImagePlatform } from '../../src/model/index.ts';
import { DIGEST_A, DIGEST_B, ROOT_CONFIG } from '../helpers/image-lookup.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

const AMD64: ImagePlatform = { os: 'linux', architecture: 'amd64', variant: '' };
const ARM64: ImagePlatform = { os: 'linux', architecture: 'arm64', variant: '' };

/**
 * The registry's answers per platform, as the resolver gives them (test/images): a single
 * linux/amd64 image is that image whatever the platform asked; an index of amd64 and arm64 has
 * no entry for s390x.
 */
const images: ImageLookup = {
  image(reference, platform): ImageAnswer | undefined {
    const asked = platform ?? 'linux/amd64';
    if (reference === 'acme/tool:1') {
      return { found: true, image: { source: 'registry', digest: DIGEST_A, config: ROOT_CONFIG, platform: AMD64, platforms: [AMD64], offersPlatform: asked === 'linux/amd64' } };
    }
    if (reference === 'acme/multi:1') {
      const entry = [AMD64, ARM64].find((p) => asked.startsWith(`${p.os}/${p.architecture}`));
      return { found: true, image: { source: 'registry', digest: DIGEST_B, platforms: [AMD64, ARM64], offersPlatform: entry !== undefined, ...(entry ? { platform: entry, config: ROOT_CONFIG } : {}) } };
    }
    return undefined;
  },
  versionTags: () => undefined,
};
const resolved = { images };
/** the same registry, resolved on an arm64 machine: a FROM without --platform asks for linux/arm64 */
const onArm64 = { images: { ...images, image: (reference: string, platform?: string) => images.image(reference, platform ?? 'linux/arm64'), defaultPlatform: 'linux/arm64' } };
const onAmd64 = { images: { ...images, defaultPlatform: 'linux/amd64' } };

ruleTester(rule, {
  valid: [
    { name: 'the platform the image is built for', code: 'FROM --platform=linux/amd64 acme/tool:1\n', options: resolved },
    { name: 'an index with the platform (its canonical spelling)', code: 'FROM --platform=linux/arm64/v8 acme/multi:1\n', options: resolved },
    { name: 'no --platform: the build machine\'s, unknown here', code: 'FROM acme/tool:1\n', options: resolved },
    { name: 'no --platform, built on the platform the image has', code: 'FROM acme/tool:1\n', options: onAmd64 },
    { name: 'a --platform not known at lint time is not the default one', code: 'FROM --platform=$BUILDPLATFORM acme/tool:1\n', options: onArm64 },
    { name: 'images not resolved: nothing is known', code: 'FROM --platform=linux/arm64 acme/tool:1\n' },
    { name: 'an image the lookup does not know', code: 'FROM --platform=linux/arm64 acme/other:1\n', options: resolved },
    { name: 'a platform not known at lint time', code: 'ARG P\nFROM --platform=$BUILDPLATFORM acme/tool:1 AS a\nFROM --platform=$P acme/tool:1\n', options: resolved },
    { name: 'FROM <stage>: judged where the stage starts', code: 'FROM acme/tool:1 AS base\nFROM --platform=linux/arm64 base\n', options: resolved },
  ],
  invalid: [
    {
      name: 'a single-platform image, the platform from an ARG: BuildKit\'s words',
      code: 'ARG P=linux/arm64\nFROM --platform=$P acme/tool:1 AS build\n',
      options: resolved,
      errors: [{ line: 2, column: 1, endLine: 2, endColumn: 40, message: 'Base image acme/tool:1 was pulled with platform "linux/amd64", expected "linux/arm64" for current build' }],
    },
    {
      name: 'an index without the platform',
      code: 'FROM --platform=linux/s390x acme/multi:1\n',
      options: resolved,
      errors: [{ line: 1, message: 'Base image acme/multi:1 offers no image for platform "linux/s390x" (only linux/amd64, linux/arm64): pulling it fails' }],
    },
    {
      name: 'the platform asked in its canonical spelling, as BuildKit prints it',
      code: 'FROM --platform=linux/aarch64 acme/tool:1\n',
      options: resolved,
      errors: [{ message: 'Base image acme/tool:1 was pulled with platform "linux/amd64", expected "linux/arm64" for current build' }],
    },
    {
      name: 'no --platform: the platform a build uses by default (DOCKER_DEFAULT_PLATFORM, else this machine\'s)',
      code: 'FROM acme/tool:1\n',
      options: onArm64,
      errors: [{ message: 'Base image acme/tool:1 was pulled with platform "linux/amd64", expected "linux/arm64" for current build' }],
    },
    { name: 'buildkit preset', code: 'FROM --platform=linux/arm64 acme/tool:1\n', options: { ...resolved, preset: 'buildkit' }, errors: 1 },
  ],
});
