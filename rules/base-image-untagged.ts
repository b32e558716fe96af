import { versionTagFix } from '../src/fix/image-pin.ts';
import { defineRule } from '../src/linter/rule.ts';

export default defineRule({
  meta: {
    id: 'base-image-untagged',
    aliases: ['DL3006'],
    severity: 'warning',
    category: 'correctness',
    fixable: 'unsafe',
    docs: {
      summary: 'Name the tag of every base image',
      description:
        'Reports a FROM whose image has neither a tag nor a digest, after resolving ARGs. `scratch`, earlier stages '
        + '(`FROM build`) and images that stay unknown (`FROM ${BASE}` without a default) are not reported.',
      why: 'Without a tag Docker pulls `latest`, which moves: the same Dockerfile builds something else next month, and nobody can tell from the file which version it was built on.',
      bad: 'FROM python\n',
      good: 'FROM python:3.13-slim-bookworm\n',
      fixSafety: 'Unsafe, and only with images resolved (`--resolve-images`, see docs/images.md): adds the most specific version tag the registry lists for the image that no tag (`latest`) names now (`:1.36.1` before `:1.36`). The build then stays on that version; a newer one needs a change of the file. No fix when no version tag names the same image, or when the image is written with variables.',
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
        const fix = versionTagFix(ctx.model, ins.image, stage.image.text);
        ctx.report({ span: ins.image, message: `The base image \`${stage.image.text}\` has no tag: pin a version such as \`${stage.image.text}:<version>\``, ...(fix ? { fix } : {}) });
      },
    };
  },
});
