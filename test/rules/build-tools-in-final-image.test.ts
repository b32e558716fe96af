import rule from '../../rules/build-tools-in-final-image.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM gcr.io/distroless/static\nCOPY --from=build /app /app\n',
    'FROM eclipse-temurin:21-jre\nCOPY app.jar /app.jar\n',
    'FROM debian\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
    { name: 'compiler purged in the same RUN', code: 'FROM python:3.12-slim\nRUN apt-get install -y gcc && pip install x && apt-get purge -y gcc\nCMD ["app"]\n' },
    { name: 'apk virtual package deleted', code: 'FROM alpine\nRUN apk add --virtual .build-deps gcc musl-dev && make && apk del .build-deps\nCMD ["app"]\n' },
    { name: 'ONBUILD build runs in child images', code: 'FROM node:22\nONBUILD RUN npm run build\n' },
    { name: 'unknown base image', code: 'ARG IMG\nFROM $IMG\n' },
    {
      name: 'official images\' apt-mark idiom removes what the RUN installed',
      code: 'FROM debian:bookworm-slim\nRUN set -eux; savedAptMark="$(apt-mark showmanual)"; apt-get update; apt-get install -y --no-install-recommends gcc make libc6-dev; make; apt-mark auto \'.*\' > /dev/null; apt-mark manual $savedAptMark; apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; rm -rf /var/lib/apt/lists/*\nCMD ["app"]\n',
    },
    { name: 'apt-mark idiom with apt-get autoremove', code: 'FROM debian\nRUN apt-get install -y gcc && make && apt-mark auto ".*" && apt-get autoremove -y\nCMD ["app"]\n' },
    { name: 'apk del of a virtual package named with -t', code: 'FROM alpine\nRUN apk add --no-cache -t .build-deps gcc musl-dev && make && apk del --no-network .build-deps\nCMD ["app"]\n' },
    { name: 'SDK base image that builds nothing: a toolchain image', code: 'FROM buildpack-deps:bookworm-scm\nRUN apt-get update && apt-get install -y --no-install-recommends g++ gcc make\nENV PATH /usr/local/go/bin:$PATH\nCMD ["bash"]\n' },
    { name: 'JDK base of a server that builds nothing', code: 'FROM eclipse-temurin:21-jdk\nCOPY catalina /usr/local/tomcat\nCMD ["catalina.sh", "run"]\n' },
    { name: 'gcc on a base that has it already (python default variant)', code: 'FROM python:3.12\nRUN apt-get install -y gcc && pip install -r requirements.txt\nCMD ["python", "app.py"]\n' },
    { name: 'no CMD or ENTRYPOINT: a CI or toolchain image', code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential cmake\nRUN cmake --version\n' },
  ],
  invalid: [
    {
      code: 'FROM golang:1.23\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]\n',
      errors: [{ line: 1, column: 6, endColumn: 17, message: 'The base image brings the Go toolchain into the final image, which builds the project (line 3): build in an earlier stage and copy only the result into a runtime image' }],
    },
    {
      name: 'compiler packages in a heredoc',
      code: 'FROM debian\nRUN <<EOF\napt-get update\napt-get install -y build-essential curl\nEOF\nCMD ["app"]\n',
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
      code: 'ARG V=3.9\nFROM maven:${V}\nRUN mvn -B package\nENTRYPOINT ["java", "-jar", "target/app.jar"]\n',
      errors: [{ message: /^The base image brings a Java build tool and JDK into the final image, which builds the project \(line 3\)/ }],
    },
    {
      name: 'apt-mark auto without an auto-removal after it removes nothing',
      code: 'FROM debian\nRUN apt-get install -y gcc && apt-mark auto ".*"\nCMD ["app"]\n',
      errors: [{ message: /^Build tools \(gcc\)/ }],
    },
    {
      name: 'the idiom removes what its RUN installed, not a later install',
      code: 'FROM debian\nRUN apt-get install -y curl && apt-mark auto ".*" && apt-get purge -y --auto-remove && apt-get install -y make\nCMD ["app"]\n',
      errors: [{ message: /^Build tools \(make\)/ }],
    },
    { name: 'gcc on a slim variant', code: 'FROM python:3.12-slim\nRUN apt-get install -y gcc && pip install -r requirements.txt\nCMD ["python", "app.py"]\n', errors: 1 },
    { name: 'JDK package on a RHEL image', code: 'FROM rockylinux:9\nRUN dnf install -y java-17-openjdk-devel\nCMD ["java", "-jar", "app.jar"]\n', errors: [{ message: /^A JDK \(java-17-openjdk-devel\) is installed and stays in the final image: a JRE runs Java programs/ }] },
  ],
});
