import { describe, expect, it } from 'vitest';
import { aptAutoRemovalAt, isToolchainImage } from '../../src/model/build-tools.ts';
import { parseImageRef } from '../../src/model/image.ts';
import { buildModel } from '../../src/model/index.ts';
import { parseDockerfile } from '../../src/parser/index.ts';

const modelOf = (text: string) => buildModel(parseDockerfile(text));

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
