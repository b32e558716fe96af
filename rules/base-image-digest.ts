import { pinDigestFix } from '../src/fix/image-pin.ts';
import { defineRule } from '../src/linter/rule.ts';
import type { Span } from '../src/parser/ast.ts';
import { fromFlagImage, stageBaseImage, stageImageRequest, type ImageAnswer } from '../src/model/base-image.ts';
import { parseImageRef } from '../src/model/index.ts';

export default defineRule({
  meta: {
    id: 'base-image-digest',
    aliases: [],
    severity: 'info',
    category: 'security',
    fixable: 'unsafe',
    docs: {
      summary: 'Pin images by digest',
      description:
        'Reports an image named by tag only: in FROM, in `COPY --from=<image>` and in `RUN --mount=from=<image>`, after ARG substitution. '
        + 'With images resolved (`--resolve-images`, `--offline`, see docs/images.md) it also reports a pinned digest the registry no longer serves, '
        + 'and a tag the registry does not have. Earlier stages, `scratch` and images that stay unknown (`FROM ${BASE}` without a default) are not reported.',
      why:
        'A tag moves: `node:22-slim` is another image after every Node release and every Debian security update, so the same Dockerfile builds something else next week, '
        + 'and a compromised registry account can swap what it points at. A digest names one image for good; it is what supply-chain checks (OpenSSF Scorecard\'s Pinned-Dependencies) ask for. '
        + 'Keeping the tag beside it tells people, and update bots such as Renovate and Dependabot, which version it is.',
      bad: 'FROM node:22-slim\n',
      good: 'FROM node:22-slim@sha256:2b3f1e4c5d6a7b8c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e\n',
      fixSafety:
        'Unsafe: with images resolved, appends the digest the tag points at now (an index\'s digest for a multi-platform image, so every platform keeps building), keeping the tag; '
        + '`latest` or no tag becomes the most specific version tag the registry lists for the same image (`busybox:1.36.1@sha256:...`), so the pin still says which version it is. '
        + 'The build then stops following the tag: security updates come only when the digest is updated (by hand or by a bot). '
        + 'No fix when the image is not resolved, or when it is written with variables (another build may give them other values).',
      presets: 'Only in `all`: pinning by digest is a policy a project chooses (it stops security updates until the pin moves), not a mistake to report by default.',
    },
  },
  create(ctx) {
    const check = (reference: string, span: Span, answer: ImageAnswer | undefined) => {
      if (answer?.found === false && answer.missing !== 'tag') {
        // a pinned digest (or repository) the registry does not serve fails the build
        ctx.report({ span, message: `The registry no longer serves \`${reference}\` (no such ${answer.missing}): the build fails to pull it` });
        return;
      }
      if (parseImageRef(reference).digest !== undefined) return;
      if (answer?.found === false) {
        ctx.report({ span, message: `\`${reference}\` is not pinned by digest, and its registry has no such tag` });
        return;
      }
      const digest = answer?.found ? answer.image.digest : undefined;
      const fix = digest === undefined ? undefined : pinDigestFix(ctx.model, span, reference, digest);
      ctx.report({ span, message: `\`${reference}\` is not pinned by digest: the tag can name another image tomorrow`, ...(fix ? { fix } : {}) });
    };
    const checkFlag = (raw: string, span: Span, info: Parameters<typeof fromFlagImage>[1]) => {
      const image = fromFlagImage(ctx.model, info, raw);
      if (image) check(image.reference, span, image.answer);
    };
    return {
      FROM(ins, info) {
        const stage = info.stage;
        if (!stage || !ins.image || stage.baseStage) return;
        const request = stageImageRequest(ctx.model, stage);
        if (request) check(request.reference, ins.image, stageBaseImage(ctx.model, stage));
      },
      COPY(ins, info) {
        const flag = ins.flags.find((f) => f.name.toLowerCase() === 'from');
        if (!info.onbuild && flag?.value !== undefined && flag.valueSpan) checkFlag(flag.value, flag.valueSpan, info);
      },
      RUN(ins, info) {
        if (info.onbuild) return;
        for (const flag of ins.flags) {
          if (flag.name.toLowerCase() !== 'mount') continue;
          for (const option of flag.options) {
            if (option.key.toLowerCase() !== 'from' || !option.value) continue;
            // the value's own span, when the option is written as it reads (`from=image`)
            const span = ctx.source.slice(option.start, option.end).endsWith(`=${option.value}`) ? { start: option.end - option.value.length, end: option.end } : option;
            checkFlag(option.value, span, info);
          }
        }
      },
    };
  },
});
