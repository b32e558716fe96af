import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import rule from '../../rules/missing-dockerignore.ts';
import { loadContext } from '../../src/model/index.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

const context = (name: string) => ({ context: loadContext(fileURLToPath(new URL(`../fixtures/context/${name}`, import.meta.url))) });
const noIgnore = context('no-ignore');
const withIgnore = context('with-ignore');

// repositories (a `.git` folder marks the root) cannot live in the fixtures: git does not store `.git`
const scratch = mkdtempSync(join(tmpdir(), 'tslint-docker-dockerignore-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
/** a repository with the given files (`.git` made for it); the Dockerfile's context as `lint` would load it without `--context` */
function repository(name: string, files: readonly string[], dockerfile: string, contextDir?: string) {
  const root = join(scratch, name);
  mkdirSync(join(root, '.git'), { recursive: true });
  for (const f of [...files, dockerfile]) {
    mkdirSync(dirname(join(root, f)), { recursive: true });
    writeFileSync(join(root, f), '');
  }
  const path = join(root, dockerfile);
  return { context: loadContext(contextDir === undefined ? dirname(path) : join(root, contextDir), path, contextDir !== undefined) };
}
const subfolderNoIgnore = repository('sub-none', [], 'docker/app/Dockerfile');
const rootIgnore = repository('root-ignore', ['.dockerignore'], 'docker/Dockerfile');
const ownIgnore = repository('own-ignore', ['docker/Dockerfile.dockerignore'], 'docker/Dockerfile');
const atRoot = repository('at-root', [], 'Dockerfile');
const explicitContext = repository('explicit', ['.dockerignore'], 'docker/Dockerfile', 'docker');
const explicitRoot = repository('explicit-root', ['.dockerignore'], 'docker/Dockerfile', '.');

ruleTester(rule, {
  valid: [
    { name: 'context unknown', code: 'FROM node:22\nCOPY . .\n' },
    { name: '.dockerignore present', code: 'FROM node:22\nCOPY . .\n', options: withIgnore },
    { name: 'only named files copied', code: 'FROM node:22\nCOPY package.json ./\n', options: noIgnore },
    { name: 'copy from another stage', code: 'FROM node:22 AS b\nRUN true\nFROM node:22\nCOPY --from=b . .\n', options: noIgnore },
    { name: 'ONBUILD copies happen in child builds, with their own context', code: 'FROM node:22\nONBUILD COPY . .\n', options: noIgnore },
    { name: 'no --context: a .dockerignore at the repository root counts (docker/Dockerfile built from the root)', code: 'FROM node:22\nCOPY . .\n', options: rootIgnore },
    { name: '<Dockerfile>.dockerignore beside the Dockerfile', code: 'FROM node:22\nCOPY . .\n', options: ownIgnore },
    { name: '--context the repository root, which has one', code: 'FROM node:22\nCOPY . .\n', options: explicitRoot },
  ],
  invalid: [
    { code: 'FROM node:22\nCOPY . .\n', options: noIgnore, errors: [{ line: 2, column: 1, endColumn: 9 }] },
    { name: 'ADD to an absolute path, reported once', code: 'FROM python:3.12\nADD . /app\nCOPY ./ /srv/\n', options: noIgnore, errors: [{ line: 2 }] },
    { name: 'bind mount of the context root', code: 'FROM golang:1.23\nRUN --mount=type=bind,target=/src go build ./...\n', options: noIgnore, errors: [{ line: 2 }] },
    { name: 'multi-stage: the first whole copy in any stage', code: 'FROM node:22 AS build\nCOPY package.json ./\nRUN npm ci\nCOPY . .\nFROM nginx\nCOPY --from=build /dist /usr/share/nginx/html\n', options: noIgnore, errors: [{ line: 4 }] },
    { name: 'heredoc RUN with a bind mount', code: 'FROM debian\nRUN --mount=type=bind,source=.,target=/src <<EOF\nmake -C /src\nEOF\n', options: noIgnore, errors: [{ line: 2 }] },
    { name: 'ARG in the destination', code: 'FROM node:22\nARG DIR=/app\nCOPY . $DIR\n', options: noIgnore, errors: [{ line: 3 }] },
    {
      name: 'no --context, none up to the repository root: names the assumed folder',
      code: 'FROM node:22\nCOPY . .\n',
      options: subfolderNoIgnore,
      errors: [{ message: 'This copies the whole build context and there is no .dockerignore in docker/app/ (the Dockerfile\'s folder, assumed as the build context) nor above it up to the repository root: .git, dependencies and local files are sent, copied and bust the cache; add a .dockerignore to the folder you build from (pass `--context DIR` if it is not the Dockerfile\'s)' }],
    },
    { name: 'Dockerfile at the repository root', code: 'FROM node:22\nCOPY . .\n', options: atRoot, errors: [{ message: /no \.dockerignore in the repository root \(the Dockerfile's folder/ }] },
    {
      name: '--context given: only that folder (and <Dockerfile>.dockerignore) counts',
      code: 'FROM node:22\nCOPY . .\n',
      options: explicitContext,
      errors: [{ message: /^This copies the whole build context and the build context \(.*explicit\/docker\) has no \.dockerignore: .*add a \.dockerignore$/ }],
    },
  ],
});
