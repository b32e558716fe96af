import { defineRule } from '../src/linter/rule.ts';
import { fromPlatformMismatch } from '../src/model/base-image.ts';

export default defineRule({
  meta: {
    id: 'invalid-base-image-platform',
    aliases: ['InvalidBaseImagePlatform'],
    severity: 'warning',
    category: 'correctness',
    docs: {
      summary: 'The base image has no image for the platform FROM asks for',
      description:
        'Reports `FROM --platform=<platform> <image>` (the platform after ARG expansion) when the image does not offer that platform: '
        + 'a single-platform image built for another one, or a multi-platform index without an entry for it. '
        + 'It needs the image\'s metadata, so it reports only when images are resolved (`--resolve-images`, or their cache with `--offline` '
        + 'and in the editor); an image that is not known, a platform that is not known at lint time (`$BUILDPLATFORM`, an ARG without a value) '
        + 'are left alone, as is `FROM <stage>`: the stage\'s own FROM names the image. A FROM without `--platform` is checked against the platform a build uses by default, as BuildKit does: `DOCKER_DEFAULT_PLATFORM`, else Linux on this machine\'s architecture.',
      why: 'A single-platform image is pulled whatever platform is asked, and its programs then run under emulation, or fail with `exec format error` '
        + 'on a machine without it; an index without the platform fails the pull. Either way the stage is not built for the platform the Dockerfile says.',
      bad: '# acme/tool:1 is built for linux/amd64 only\nFROM --platform=linux/arm64 acme/tool:1\n',
      good: '# an image (or a tag) published for linux/arm64\nFROM --platform=linux/arm64 acme/tool:1-arm64\n',
      fixSafety: 'No fix: which image, or which platform, is right is for the author to say.',
    },
  },
  create(ctx) {
    return {
      FROM(ins, info) {
        if (!info.stage) return;
        const mismatch = fromPlatformMismatch(ctx.model, info.stage, info.scope);
        if (!mismatch) return;
        const { reference, expected, actual, offered } = mismatch;
        ctx.report({
          span: ins,
          message: actual !== undefined
            // BuildKit's wording (frontend/dockerfile/linter, Apache-2.0; see NOTICE)
            ? `Base image ${reference} was pulled with platform "${actual}", expected "${expected}" for current build`
            : `Base image ${reference} offers no image for platform "${expected}"${offered.length > 0 ? ` (only ${offered.join(', ')})` : ''}: pulling it fails`,
        });
      },
    };
  },
});
