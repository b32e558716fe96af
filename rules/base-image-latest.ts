import { versionTagFix } from '../src/fix/image-pin.ts';
import { defineRule } from '../src/linter/rule.ts';
import { parseImageRef } from '../src/model/image.ts';

export default defineRule({
  meta: {
    id: 'base-image-latest',
    aliases: ['DL3007'],
    severity: 'warning',
    category: 'correctness',
    fixable: 'unsafe',
    docs: {
      summary: 'Using latest is prone to errors if the image will ever update. Pin the version explicitly to a release tag',
      description:
        'Reports a FROM whose image tag is written `latest` (`FROM node:latest`, `FROM ${REGISTRY}/app:latest`). A tag that '
        + 'comes from a build argument (`FROM node:${V}` with `ARG V=latest`) is not reported: the ARG makes the base a '
        + 'parameter that the project\'s build passes (a Makefile, bake file or CI job), and its default is only what a bare '
        + 'local build gets; pinning belongs where the value is passed, which the Dockerfile does not show. hadolint reads '
        + 'FROM the same way (it does not expand ARGs).',
      why: '`latest` moves: the same Dockerfile builds a different image tomorrow, and a rebuild can break without any change of yours.',
      bad: 'FROM node:latest',
      good: 'FROM node:22.11-bookworm-slim',
      fixSafety: 'Unsafe, and only with images resolved (`--resolve-images`, see docs/images.md): replaces `latest` with the most specific version tag the registry lists for the same image now (`1.36.1` before `1.36`). The build then stays on that version; a newer one needs a change of the file. No fix when no version tag names the same image, or when the image is written with variables.',
    },
  },
  create(ctx) {
    return {
      FROM(ins, info) {
        if (!ins.image || info.stage?.baseStage) return;
        // the tag as written: `latest` from an ARG default is a parameter's local-build default
        const written = parseImageRef(ins.image.value);
        if (written.tag === 'latest' && !written.digest) {
          const image = info.stage?.image;
          const fix = image?.resolved ? versionTagFix(ctx.model, ins.image, image.text) : undefined;
          ctx.report({ span: ins.image, message: 'Using latest is prone to errors if the image will ever update. Pin the version explicitly to a release tag', ...(fix ? { fix } : {}) });
        }
      },
    };
  },
});
