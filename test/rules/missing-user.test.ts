import rule from '../../rules/missing-user.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

const DEBIAN_USER = 'RUN groupadd --system app && useradd --system --gid app --no-create-home --shell /usr/sbin/nologin app\nUSER app\n';

ruleTester(rule, {
  valid: [
    'FROM node:22\nUSER node\nCMD ["node", "a.js"]\n',
    { name: 'USER in a stage it builds on', code: 'FROM debian AS base\nUSER 1000\nFROM base\nCMD ["app"]\n' },
    { name: 'distroless nonroot', code: 'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\n' },
    { name: 'nonroot tag suffix', code: 'FROM gcr.io/distroless/base:debug-nonroot\nCOPY app /app\n' },
    { name: 'Chainguard', code: 'FROM cgr.dev/chainguard/python:latest\nCOPY app /app\n' },
    { name: 'nginx-unprivileged', code: 'FROM nginxinc/nginx-unprivileged:1.27\nCOPY site /usr/share/nginx/html\n' },
    { name: 'ARG-resolved nonroot tag', code: 'ARG TAG=nonroot\nFROM gcr.io/distroless/static:${TAG}\nCOPY app /app\n' },
    { name: 'unknown base image', code: 'ARG BASE\nFROM $BASE\nCMD ["app"]\n' },
    { name: 'USER root is set: user-root reports that', code: 'FROM debian\nUSER root\n' },
    { name: 'Windows', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD ["cmd"]\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:bookworm\nRUN echo hi\nCMD ["app"]\n',
      errors: [{ line: 1, column: 1, endColumn: 21, message: /never sets USER/ }],
      unsafeOutput: `FROM debian:bookworm\nRUN echo hi\n${DEBIAN_USER}CMD ["app"]\n`,
    },
    {
      name: 'Alpine by tag, no CMD: at the end, file without trailing newline',
      code: 'FROM python:3.12-alpine\nCOPY . /app',
      errors: 1,
      unsafeOutput: 'FROM python:3.12-alpine\nCOPY . /app\nRUN addgroup -S app && adduser -S -D -H -G app app\nUSER app\n',
    },
    {
      name: 'multi-stage to scratch: numeric user before ENTRYPOINT',
      code: 'FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]\n',
      errors: [{ line: 3, message: /USER 65532/ }],
      unsafeOutput: 'FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\nUSER 65532\nENTRYPOINT ["/app"]\n',
    },
    {
      name: 'USER in a non-final stage does not count',
      code: 'FROM node:22 AS build\nUSER node\nFROM gcr.io/distroless/nodejs22-debian12\nCMD ["a.js"]\n',
      errors: [{ line: 3 }],
      unsafeOutput: 'FROM node:22 AS build\nUSER node\nFROM gcr.io/distroless/nodejs22-debian12\nUSER 65532\nCMD ["a.js"]\n',
    },
    {
      name: 'distro known from the package manager; CRLF',
      code: 'FROM registry.example.com/base:1\r\nRUN dnf install -y httpd\r\nCMD ["httpd"]\r\n',
      errors: 1,
      unsafeOutput: 'FROM registry.example.com/base:1\r\nRUN dnf install -y httpd\r\nRUN groupadd --system app && useradd --system --gid app --no-create-home --shell /usr/sbin/nologin app\r\nUSER app\r\nCMD ["httpd"]\r\n',
    },
    { name: 'unknown distro: no fix', code: 'FROM mycorp/base:1\nCMD ["app"]\n', errors: 1 },
    {
      name: 'ARG-resolved base image',
      code: 'ARG V=3.20\nFROM alpine:${V}\nCMD ["sh"]\n',
      errors: 1,
      unsafeOutput: 'ARG V=3.20\nFROM alpine:${V}\nRUN addgroup -S app && adduser -S -D -H -G app app\nUSER app\nCMD ["sh"]\n',
    },
    {
      name: 'ONBUILD USER does not set the user of this image',
      code: 'FROM ubuntu:24.04\nONBUILD USER app\nCMD ["bash"]\n',
      errors: 1,
      unsafeOutput: `FROM ubuntu:24.04\nONBUILD USER app\n${DEBIAN_USER}CMD ["bash"]\n`,
    },
    {
      name: 'heredoc RUN before the CMD',
      code: 'FROM debian\nRUN <<EOF\necho hi\nEOF\nCMD ["app"]\n',
      errors: 1,
      unsafeOutput: `FROM debian\nRUN <<EOF\necho hi\nEOF\n${DEBIAN_USER}CMD ["app"]\n`,
    },
  ],
});
