/**
 * What the model makes of resolved base images (src/model/base-image.ts, and the stage
 * scope and shell in model.ts). The lookup states the registry's answers; test/images shows
 * the resolver gives such answers from a real registry.
 */
import { describe, expect, it } from 'vitest';
import { baseImageConfig, fromFlagImage, stageBaseImage, stageImageRequest } from '../../src/model/base-image.ts';
import { buildModel, type ImageLookup } from '../../src/model/index.ts';
import { parseDockerfile } from '../../src/parser/index.ts';
import { DIGEST_A, ROOT_CONFIG, registryImage, staticLookup } from '../helpers/image-lookup.ts';

const APP = registryImage(DIGEST_A, { ...ROOT_CONFIG, user: 'app', env: { PATH: '/usr/bin:/bin', APP_HOME: '/srv' }, shell: ['/bin/bash', '-o', 'pipefail', '-c'] });

/** a lookup that also notes what it was asked */
function noting(answers: ImageLookup): { lookup: ImageLookup; asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    lookup: {
      image: (reference, platform) => (asked.push(`${reference} ${platform ?? '-'}`), answers.image(reference, platform)),
      versionTags: (reference) => answers.versionTags(reference),
    },
  };
}

const model = (text: string, images?: ImageLookup) => buildModel(parseDockerfile(text), undefined, images);

describe('the base image of a stage', () => {
  it('follows FROM <stage> to the external image, with the platform its FROM fixes', () => {
    const { lookup, asked } = noting(staticLookup({ 'app:1': APP }));
    const m = model('ARG ARCH=arm64\nFROM --platform=linux/${ARCH} app:1 AS base\nFROM base AS next\nFROM next\n', lookup);
    const last = m.stages[2]!;
    expect(stageImageRequest(m, last)).toEqual({ reference: 'app:1', platform: 'linux/arm64' });
    expect(baseImageConfig(m, last)?.user).toBe('app');
    expect(asked.every((q) => q === 'app:1 linux/arm64')).toBe(true);
  });

  it('a platform from BUILDPLATFORM or an ARG without a value is the engine\'s default (undefined)', () => {
    const m = model('ARG P\nFROM --platform=$BUILDPLATFORM app:1 AS a\nFROM --platform=$P app:1\n', staticLookup({ 'app:1': APP }));
    expect(m.stages.map((s) => stageImageRequest(m, s))).toEqual([{ reference: 'app:1' }, { reference: 'app:1' }]);
  });

  it('unknown without a lookup, for scratch, for a variable without a value, for what the lookup does not know', () => {
    expect(stageBaseImage(model('FROM app:1\n'), model('FROM app:1\n').stages[0]!)).toBeUndefined();
    const images = staticLookup({ 'app:1': APP });
    for (const text of ['FROM scratch\n', 'ARG B\nFROM $B\n', 'FROM other:1\n', 'FROM Upper:1\n']) {
      const m = model(text, images);
      expect(stageBaseImage(m, m.stages[0]!), text).toBeUndefined();
    }
  });

  it('COPY --from and RUN --mount=from name images, after ARG substitution; stages are not images', () => {
    const m = model('FROM app:1 AS build\nARG T=1\nCOPY --from=app:${T} /a /a\nCOPY --from=build /b /b\n', staticLookup({ 'app:1': APP }));
    const [copyImage, copyStage] = m.instructions.filter((i) => i.ins.keyword === 'COPY');
    expect(fromFlagImage(m, copyImage!, 'app:${T}')).toEqual({ reference: 'app:1', answer: APP });
    expect(fromFlagImage(m, copyStage!, 'build')).toBeUndefined();
  });
});

describe('what a stage starts with when its image is known', () => {
  const images = staticLookup({ 'app:1': APP });

  it('the image\'s ENV is in scope, with its values; a child stage inherits it', () => {
    const m = model('FROM app:1 AS base\nWORKDIR $APP_HOME\nFROM base\nRUN echo $APP_HOME\n', images);
    const [workdir, run] = m.instructions.filter((i) => i.ins.keyword === 'WORKDIR' || i.ins.keyword === 'RUN');
    expect(workdir!.scope.expand('$APP_HOME/x').value).toBe('/srv/x');
    expect(run!.scope.vars.get('APP_HOME')).toEqual({ name: 'APP_HOME', value: '/srv', kind: 'env' });
    // without the lookup the name is not in scope
    expect(model('FROM app:1\nWORKDIR $APP_HOME\n').instructions[1]!.scope.vars.has('APP_HOME')).toBe(false);
  });

  it('the image\'s SHELL is the shell RUN uses, until a SHELL instruction; a shell pragma wins', () => {
    const m = model('FROM app:1\nRUN a\nSHELL ["/bin/sh", "-c"]\nRUN b\n', images);
    expect(m.instructions.filter((i) => i.ins.keyword === 'RUN').map((i) => i.shell)).toEqual([['/bin/bash', '-o', 'pipefail', '-c'], ['/bin/sh', '-c']]);
    const pragma = model('# hadolint shell=powershell\nFROM app:1\nRUN a\n', images);
    expect(pragma.instructions[1]!.shell).toEqual(['powershell']);
  });
});
