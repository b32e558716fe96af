import { versionTagFix } from '../src/fix/image-pin.ts';
import { defineRule } from '../src/linter/rule.ts';
import { isLocalImageName, parseImageRef, releaseNaming } from '../src/model/image.ts';

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
      presets:
        '`recommended` and `all` also leave alone: an image whose name comes from a build argument (`FROM $BASE_IMAGE`: '
        + 'the project\'s build passes it, the default is for a bare local build); a one-word name that is not a Docker '
        + 'Official Image (`FROM bats-jenkins`: Docker Hub cannot serve it, so it is an image the project builds itself); '
        + 'a repository that names its release (`redhat/ubi9-minimal`, `registry.access.redhat.com/rhel7`, '
        + '`gcr.io/distroless/static-debian12`: untagged is that release\'s latest update). distroless publishes no '
        + 'version tags, so for a distroless name without its Debian release the message asks for the release or a '
        + 'digest. `hadolint` reports every untagged image it resolves, as DL3006 does.',
    },
  },
  create(ctx) {
    const smart = ctx.settings.preset !== 'hadolint';
    return {
      FROM(ins, info) {
        const stage = info.stage;
        if (!stage || !ins.image || !stage.image.resolved || stage.baseStage || stage.image.isScratch) return;
        const image = stage.image;
        if (image.tag !== undefined || image.digest !== undefined) return;
        // `FROM ${BASE}` with BASE never declared: the image is not known
        if (image.text === '' || info.scope.expand(ins.image.raw).undefinedRefs.length > 0) return;
        let message = `The base image \`${image.text}\` has no tag: pin a version such as \`${image.text}:<version>\``;
        if (smart) {
          // a build argument names the image: its tag is the caller's choice
          if (parseImageRef(ins.image.value).repository.split('/').pop()!.includes('$')) return;
          if (isLocalImageName(image)) return;
          const naming = releaseNaming(image);
          if (naming === 'release') return;
          if (naming === 'none-possible') {
            message = `The base image \`${image.text}\` names no release, and distroless publishes no version tags: name the Debian release (\`${image.text}-debian12\`) or pin a digest`;
          }
        }
        const fix = versionTagFix(ctx.model, ins.image, image.text);
        ctx.report({ span: ins.image, message, ...(fix ? { fix } : {}) });
      },
    };
  },
});
