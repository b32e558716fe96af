import { versionTagFix } from '../src/fix/image-pin.ts';
import { defineRule } from '../src/linter/rule.ts';

export default defineRule({
  meta: {
    id: 'base-image-latest',
    aliases: ['DL3007'],
    severity: 'warning',
    category: 'correctness',
    fixable: 'unsafe',
    docs: {
      summary: 'Using latest is prone to errors if the image will ever update. Pin the version explicitly to a release tag',
      description: 'Reports a FROM whose image tag is `latest`, after resolving ARGs (`FROM node:${V}` with `ARG V=latest`).',
      why: '`latest` moves: the same Dockerfile builds a different image tomorrow, and a rebuild can break without any change of yours.',
      bad: 'FROM node:latest',
      good: 'FROM node:22.11-bookworm-slim',
      fixSafety: 'Unsafe, and only with images resolved (`--resolve-images`, see docs/images.md): replaces `latest` with the most specific version tag the registry lists for the same image now (`1.36.1` before `1.36`). The build then stays on that version; a newer one needs a change of the file. No fix when no version tag names the same image, or when the image is written with variables.',
    },
  },
  create(ctx) {
    return {
      FROM(_ins, info) {
        const stage = info.stage;
        if (!stage?.image.resolved || stage.baseStage) return;
        if (stage.image.tag === 'latest' && !stage.image.digest) {
          const word = stage.from.image!;
          const fix = versionTagFix(ctx.model, word, stage.image.text);
          ctx.report({ span: word, message: 'Using latest is prone to errors if the image will ever update. Pin the version explicitly to a release tag', ...(fix ? { fix } : {}) });
        }
      },
    };
  },
});
