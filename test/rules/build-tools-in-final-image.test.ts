import rule from '../../rules/build-tools-in-final-image.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM gcr.io/distroless/static\nCOPY --from=build /app /app\n',
    'FROM eclipse-temurin:21-jre\nCOPY app.jar /app.jar\n',
    'FROM debian\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
    { name: 'compiler purged in the same RUN', code: 'FROM python:3.12-slim\nRUN apt-get install -y gcc && pip install x && apt-get purge -y gcc\n' },
    { name: 'apk virtual package deleted', code: 'FROM alpine\nRUN apk add --virtual .build-deps gcc musl-dev && make && apk del .build-deps\n' },
    { name: 'ONBUILD build runs in child images', code: 'FROM node:22\nONBUILD RUN npm run build\n' },
    { name: 'unknown base image', code: 'ARG IMG\nFROM $IMG\n' },
  ],
  invalid: [
    {
      code: 'FROM golang:1.23\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]\n',
      errors: [{ line: 1, column: 6, endColumn: 17, message: /the Go toolchain in the final image/ }, { line: 3, message: /^The project is built/ }],
    },
    {
      name: 'compiler packages in a heredoc',
      code: 'FROM debian\nRUN <<EOF\napt-get update\napt-get install -y build-essential curl\nEOF\n',
      errors: [{ line: 4, message: /Build tools \(build-essential\)/ }],
    },
    {
      name: 'npm run build in a single-stage node image',
      code: 'FROM node:22\nCOPY . .\nRUN npm ci && npm run build\nCMD ["node", "dist/main.js"]\n',
      errors: [{ line: 3, column: 15 }],
    },
    {
      name: 'final stage builds on a stage that installed gcc',
      code: 'FROM debian AS base\nRUN apt-get install -y gcc=4:12.2.0-3\nFROM base\nCMD ["app"]\n',
      errors: [{ line: 2, message: /gcc=4:12\.2\.0-3/ }],
    },
    {
      name: 'ARG-resolved SDK image',
      code: 'ARG V=3.9\nFROM maven:${V}\nRUN mvn -B package\n',
      errors: 2,
    },
    { name: 'JDK package on a RHEL image', code: 'FROM rockylinux:9\nRUN dnf install -y java-17-openjdk-devel\n', errors: 1 },
  ],
});
