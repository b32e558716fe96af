import { defineRule } from '../src/linter/rule.ts';

export default defineRule({
  meta: {
    id: 'base-image-latest',
    aliases: ['DL3007'],
    severity: 'warning',
    category: 'correctness',
    docs: {
      summary: 'Using latest is prone to errors if the image will ever update. Pin the version explicitly to a release tag',
      description: 'Reports a FROM whose image tag is `latest`, after resolving ARGs (`FROM node:${V}` with `ARG V=latest`).',
      why: '`latest` moves: the same Dockerfile builds a different image tomorrow, and a rebuild can break without any change of yours.',
      bad: 'FROM node:latest',
      good: 'FROM node:22.11-bookworm-slim',
      fixSafety: 'No fix: choosing a version needs the registry and your judgement.',
    },
  },
  create(ctx) {
    return {
      FROM(_ins, info) {
        const stage = info.stage;
        if (!stage?.image.resolved || stage.baseStage) return;
        if (stage.image.tag === 'latest' && !stage.image.digest) {
          const word = stage.from.image!;
          ctx.report({ span: word, message: 'Using latest is prone to errors if the image will ever update. Pin the version explicitly to a release tag' });
        }
      },
    };
  },
});
