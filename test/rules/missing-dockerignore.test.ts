import { fileURLToPath } from 'node:url';
import rule from '../../rules/missing-dockerignore.ts';
import { loadContext } from '../../src/model/index.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

const context = (name: string) => ({ context: loadContext(fileURLToPath(new URL(`../fixtures/context/${name}`, import.meta.url))) });
const noIgnore = context('no-ignore');
const withIgnore = context('with-ignore');

ruleTester(rule, {
  valid: [
    { name: 'context unknown', code: 'FROM node:22\nCOPY . .\n' },
    { name: '.dockerignore present', code: 'FROM node:22\nCOPY . .\n', options: withIgnore },
    { name: 'only named files copied', code: 'FROM node:22\nCOPY package.json ./\n', options: noIgnore },
    { name: 'copy from another stage', code: 'FROM node:22 AS b\nRUN true\nFROM node:22\nCOPY --from=b . .\n', options: noIgnore },
    { name: 'ONBUILD copies happen in child builds, with their own context', code: 'FROM node:22\nONBUILD COPY . .\n', options: noIgnore },
  ],
  invalid: [
    { code: 'FROM node:22\nCOPY . .\n', options: noIgnore, errors: [{ line: 2, column: 1, endColumn: 9 }] },
    { name: 'ADD to an absolute path, reported once', code: 'FROM python:3.12\nADD . /app\nCOPY ./ /srv/\n', options: noIgnore, errors: [{ line: 2 }] },
    { name: 'bind mount of the context root', code: 'FROM golang:1.23\nRUN --mount=type=bind,target=/src go build ./...\n', options: noIgnore, errors: [{ line: 2 }] },
    { name: 'multi-stage: the first whole copy in any stage', code: 'FROM node:22 AS build\nCOPY package.json ./\nRUN npm ci\nCOPY . .\nFROM nginx\nCOPY --from=build /dist /usr/share/nginx/html\n', options: noIgnore, errors: [{ line: 4 }] },
    { name: 'heredoc RUN with a bind mount', code: 'FROM debian\nRUN --mount=type=bind,source=.,target=/src <<EOF\nmake -C /src\nEOF\n', options: noIgnore, errors: [{ line: 2 }] },
    { name: 'ARG in the destination', code: 'FROM node:22\nARG DIR=/app\nCOPY . $DIR\n', options: noIgnore, errors: [{ line: 3 }] },
  ],
});
