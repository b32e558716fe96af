import { describe, expect, it } from 'vitest';
import { aptAutoRemovalAt, isToolchainImage } from '../../src/model/build-tools.ts';
import { parseImageRef } from '../../src/model/image.ts';
import { buildModel } from '../../src/model/index.ts';
import { runsOwnProgram } from '../../src/model/stages.ts';
import { parseDockerfile } from '../../src/parser/index.ts';

const modelOf = (text: string) => buildModel(parseDockerfile(text));

describe('runsOwnProgram', () => {
  const runs = (text: string) => runsOwnProgram(modelOf(text).finalStage!);
  it.each([
    ['FROM debian\nCMD ["app"]\n', true],
    ['FROM debian\nENTRYPOINT ["/entrypoint.sh"]\nCMD ["run"]\n', true],
    ['FROM debian\nCMD /bin/bash ./entrypoint.sh\n', true],
    ['FROM debian AS base\nCMD ["app"]\nFROM base\nRUN true\n', true],
    ['FROM debian\nRUN true\n', false],
    ['FROM debian\nCMD ["/bin/bash"]\n', false],
    ['FROM debian\nCMD bash\n', false],
    ['FROM debian\nENTRYPOINT ["/bin/bash", "-i", "-c"]\n', false],
    ['FROM debian\nENTRYPOINT []\n', false],
    ['FROM debian\nCMD ["sleep", "infinity"]\n', false],
    ['FROM debian\nCMD ["/bin/bash", "-c", "sleep infinity"]\n', false],
    ['FROM debian\nCMD tail -f /dev/null\n', false],
    ['FROM debian\nONBUILD CMD ["app"]\n', false],
  ])('%j -> %s', (text, expected) => expect(runs(text)).toBe(expected));
});

describe('isToolchainImage', () => {
  it.each([
    ['golang:1.23', true], ['golang:1.23-alpine', true], ['buildpack-deps:bookworm', true], ['maven:3-eclipse-temurin-21', true],
    ['node:22', true], ['python:3.12-bookworm', true], ['ruby:3.3', true], ['docker.io/library/node:22', true],
    ['node:22-slim', false], ['python:3.12-alpine', false], ['debian:bookworm', false], ['eclipse-temurin:21-jre', false],
    ['ghcr.io/acme/node:22', false],
  ])('%s -> %s', (ref, expected) => expect(isToolchainImage(parseImageRef(ref, true))).toBe(expected));
});

describe('aptAutoRemovalAt', () => {
  const at = (script: string) => {
    const model = modelOf(`FROM debian\nRUN ${script}\n`);
    const run = model.run(model.finalStage!.instructions[0]!)!;
    const offset = aptAutoRemovalAt(run);
    return offset === undefined ? undefined : model.df.source.slice(offset, offset + 13);
  };
  it('finds apt-mark auto followed by purge --auto-remove', () => {
    expect(at(`savedAptMark="$(apt-mark showmanual)"; apt-get install -y gcc; apt-mark auto '.*' > /dev/null; apt-mark manual $savedAptMark; apt-get purge -y --auto-remove`)).toBe('apt-mark auto');
  });
  it('and apt-get autoremove', () => expect(at('apt-get install -y gcc && apt-mark auto ".*" && apt-get autoremove -y')).toBe('apt-mark auto'));
  it('not without a removal after it', () => expect(at('apt-get install -y gcc && apt-mark auto ".*"')).toBeUndefined());
  it('not for one package marked auto', () => expect(at('apt-mark auto gcc && apt-get autoremove -y')).toBeUndefined());
  it('not when the removal comes first', () => expect(at('apt-get purge -y --auto-remove x && apt-mark auto ".*"')).toBeUndefined());
});
