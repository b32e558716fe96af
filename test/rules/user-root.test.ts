import rule from '../../rules/user-root.ts';
import { DIGEST_A, ROOT_CONFIG, registryImage, staticLookup } from '../helpers/image-lookup.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

const resolved = {
  images: staticLookup({
    'acme/app-base:1': registryImage(DIGEST_A, { ...ROOT_CONFIG, user: 'app' }),
    'bitnami/custom:1': registryImage(DIGEST_A, ROOT_CONFIG),
  }),
};

const hadolint = { preset: 'hadolint' } as const;

ruleTester(rule, {
  valid: [
    'FROM debian:12\nUSER app\n',
    'FROM debian:12\nUSER root\nRUN apt-get update\nUSER app\n',
    { name: 'no USER at all: the base image decides', code: 'FROM debian:12\nRUN true\n' },
    { name: 'root only in a builder stage others copy from', code: 'FROM debian:12 AS build\nUSER root\nRUN make\nFROM debian:12\nCOPY --from=build /out /out\nUSER app\n' },
    { name: 'child stage switches away from root', code: 'FROM debian:12 AS base\nUSER root\nFROM base\nUSER 1000\n' },
    { name: 'ARG resolved to a non-root user', code: 'FROM debian:12\nARG U=app\nUSER ${U}\n' },
    // root on purpose, or changing nothing
    { name: 'root base image, no command of its own: changes nothing', code: 'FROM debian:12\nUSER root\nRUN apt-get update\n' },
    { name: 'a shell on a root base', code: 'FROM alpine:3.20\nUSER root\nRUN apk add --no-cache curl\nCMD ["sh"]\n' },
    { name: 'dev container', code: 'FROM mcr.microsoft.com/devcontainers/base:ubuntu\nUSER root\nRUN apt-get update\n' },
    { name: 'entrypoint drops privileges (gosu downloaded)', code: 'FROM debian:12\nRUN wget -O /usr/local/bin/gosu https://x/gosu && chmod +x /usr/local/bin/gosu\nUSER root\nEXPOSE 8080\nENTRYPOINT ["/entrypoint.sh"]\n' },
    { name: 'resolved: a shell on a base whose config runs as root (by name, Bitnami runs as 1001)', code: 'FROM bitnami/custom:1\nUSER root\nCMD ["bash"]\n', options: resolved },
  ],
  invalid: [
    {
      name: 'resolved: a shell on a base whose config runs as `app`: USER root changes who runs',
      code: 'FROM acme/app-base:1\nUSER root\nCMD ["bash"]\n',
      options: resolved,
      errors: [{ line: 2 }],
    },
    {
      name: 'a non-root base switched to root and left there (no fix: the base user is not known here)',
      code: 'FROM jenkins/jenkins:lts\nUSER root\nRUN apt-get update\n',
      errors: [{ line: 2, column: 1, endColumn: 10 }],
    },
    {
      name: 'switched away from the Dockerfile\'s own user: the fix restores it before the CMD',
      code: 'FROM node:22\nUSER node\nCOPY . /app\nUSER root\nRUN npm ci\nCMD ["node", "/app/s.js"]\n',
      errors: [{ line: 4 }],
      unsafeOutput: 'FROM node:22\nUSER node\nCOPY . /app\nUSER root\nRUN npm ci\nUSER node\nCMD ["node", "/app/s.js"]\n',
    },
    {
      name: 'scratch: 65532 at the end, uid 0',
      code: 'FROM scratch\nCOPY app /app\nUSER 0:0\nENTRYPOINT ["/app"]',
      errors: 1,
      unsafeOutput: 'FROM scratch\nCOPY app /app\nUSER 0:0\nUSER 65532\nENTRYPOINT ["/app"]',
    },
    { name: 'a service on a root base: no fix', code: 'FROM debian:12\nCOPY app /app\nUSER root:root\nEXPOSE 8080\nCMD ["/app"]\n', errors: 1 },
    { name: 'inherited by the final stage', code: 'FROM node:22 AS base\nUSER root\nFROM base\nCMD ["node", "s.js"]\n', errors: [{ line: 2 }] },
    { name: 'a stage nothing uses can be built with --target', code: 'FROM node:22 AS dev\nUSER root\nCMD ["node", "s.js"]\nFROM debian:12\nUSER app\n', errors: [{ line: 2 }] },
    { name: 'ARG resolved to root', code: 'FROM python:3.12\nARG U=root\nUSER $U\nCMD ["python", "app.py"]\n', errors: 1 },
    // hadolint's DL3002: every last USER root
    { name: 'hadolint: root base without a command', code: 'FROM debian:12\nUSER root\n', options: hadolint, errors: 1 },
    { name: 'hadolint: dev container', code: 'FROM mcr.microsoft.com/devcontainers/base:ubuntu\nUSER root\n', options: hadolint, errors: 1 },
  ],
});
