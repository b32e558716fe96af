import { defineRule } from '../src/linter/rule.ts';

export default defineRule({
  meta: {
    id: 'base-image-untagged',
    aliases: ['DL3006'],
    severity: 'warning',
    category: 'correctness',
    docs: {
      summary: 'Name the tag of every base image',
      description:
        'Reports a FROM whose image has neither a tag nor a digest, after resolving ARGs. `scratch`, earlier stages '
        + '(`FROM build`) and images that stay unknown (`FROM ${BASE}` without a default) are not reported.',
      why: 'Without a tag Docker pulls `latest`, which moves: the same Dockerfile builds something else next month, and nobody can tell from the file which version it was built on.',
      bad: 'FROM python\n',
      good: 'FROM python:3.13-slim-bookworm\n',
      fixSafety: 'No fix: picking a version needs the registry and your judgement.',
    },
  },
  create(ctx) {
    return {
      FROM(ins, info) {
        const stage = info.stage;
        if (!stage || !ins.image || !stage.image.resolved || stage.baseStage || stage.image.isScratch) return;
        if (stage.image.tag !== undefined || stage.image.digest !== undefined) return;
        // `FROM ${BASE}` with BASE never declared: the image is not known
        if (stage.image.text === '' || info.scope.expand(ins.image.raw).undefinedRefs.length > 0) return;
        ctx.report({ span: ins.image, message: `The base image \`${stage.image.text}\` has no tag: pin a version such as \`${stage.image.text}:<version>\`` });
      },
    };
  },
});
