import { defineRule } from '../src/linter/rule.ts';
import { parseImageRef } from '../src/model/image.ts';

export default defineRule({
  meta: {
    id: 'base-image-latest',
    aliases: ['DL3007'],
    severity: 'warning',
    category: 'correctness',
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
      fixSafety: 'No fix: choosing a version needs the registry and your judgement.',
    },
  },
  create(ctx) {
    return {
      FROM(ins, info) {
        if (!ins.image || info.stage?.baseStage) return;
        // the tag as written: `latest` from an ARG default is a parameter's local-build default
        const written = parseImageRef(ins.image.value);
        if (written.tag === 'latest' && !written.digest) {
          ctx.report({ span: ins.image, message: 'Using latest is prone to errors if the image will ever update. Pin the version explicitly to a release tag' });
        }
      },
    };
  },
});
