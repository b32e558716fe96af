import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/index.ts';
import { isEnvironmentImage, runsOwnProgram } from '../../src/model/stages.ts';
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

describe('isEnvironmentImage', () => {
  const environment = (text: string) => isEnvironmentImage(modelOf(text).finalStage!);
  it.each([
    ['FROM golang:1.23\nRUN go install x@v1\n', true],
    ['FROM buildpack-deps:bookworm\nCMD ["bash"]\n', true],
    ['ARG BASE\nFROM $BASE\nRUN true\n', true],
    ['FROM rust:1 AS base\nRUN true\nFROM base\nRUN true\n', true],
    ['FROM debian:bookworm\nRUN true\n', false],
    ['FROM golang:1.23\nCMD ["app"]\n', false],
    ['FROM spark:3.5\nRUN true\n', false],
    ['FROM nginx\nCOPY site /usr/share/nginx/html\n', false],
  ])('%j -> %s', (text, expected) => expect(environment(text)).toBe(expected));
});
