import { fileURLToPath } from 'node:url';
import rule from '../../rules/cache-busting-copy.ts';
import { loadContext } from '../../src/model/index.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

const context = (name: string) => ({ context: loadContext(fileURLToPath(new URL(`../fixtures/context/${name}`, import.meta.url))) });
const node = context('node');
const python = context('python');
const go = context('go');

ruleTester(rule, {
  valid: [
    'FROM node:22\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n',
    { name: 'install of named packages only', code: 'FROM node:22\nCOPY . .\nRUN npm install -g typescript\n' },
    { name: 'install in another stage', code: 'FROM node:22 AS src\nCOPY . .\nFROM node:22\nRUN npm ci\n' },
    { name: 'copy from a stage', code: 'FROM node:22 AS deps\nRUN true\nFROM node:22\nCOPY --from=deps . .\nRUN npm ci\n' },
    { name: 'pip without requirements', code: 'FROM python:3.12\nCOPY . .\nRUN pip install .\n' },
    {
      name: 'maven: dependencies installed from pom.xml before the whole copy, the step after it builds',
      code: 'FROM maven:3 AS build\nWORKDIR /src\nCOPY pom.xml .\nRUN mvn -B -f pom.xml -s /usr/share/maven/ref/settings-docker.xml dependency:go-offline\nCOPY . .\nRUN mvn -B -s /usr/share/maven/ref/settings-docker.xml package -DskipTests\n',
    },
    {
      name: 'gradle wrapper: downloadRepos before, installDist after',
      code: 'FROM eclipse-temurin:21-jdk AS builder\nWORKDIR /app\nCOPY ["build.gradle", "gradlew", "./"]\nCOPY gradle gradle\nRUN ./gradlew downloadRepos\nCOPY . .\nRUN chmod +x gradlew\nRUN ./gradlew installDist\n',
    },
    { name: 'go: go mod download before, go build after', code: 'FROM golang:1.23\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN go build -o /app . && go mod download\n' },
    { name: 'cargo: cargo fetch before, cargo build after', code: 'FROM rust:1\nCOPY Cargo.toml Cargo.lock ./\nRUN cargo fetch\nCOPY . .\nRUN cargo build --release\n' },
    { name: 'npm in a stage it builds on', code: 'FROM node:22 AS deps\nCOPY package.json package-lock.json ./\nRUN npm ci\nFROM deps AS build\nCOPY . .\nRUN yarn install --offline\n' },
    { name: 'poetry then pip: one ecosystem', code: 'FROM python:3.12\nCOPY pyproject.toml poetry.lock ./\nRUN poetry install --no-root\nCOPY . .\nRUN poetry install\n' },
    {
      name: 'ONBUILD image for any project: the manifest is optional',
      code: 'FROM python:3.12\nONBUILD COPY . /usr/src/app\nONBUILD RUN if [ -s requirements.txt ]; then pip install -r requirements.txt; fi\n',
    },
    { name: 'bundler', code: 'FROM ruby:3.3\nCOPY Gemfile Gemfile.lock ./\nRUN bundle install\nCOPY . .\nRUN bundle install\n' },
    { name: 'composer', code: 'FROM composer:2\nCOPY composer.json composer.lock ./\nRUN composer install --no-scripts --no-autoloader\nCOPY . .\nRUN composer install\n' },
  ],
  invalid: [
    {
      code: 'FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\nRUN npm run build\n',
      options: node,
      errors: [{ line: 3, column: 1, endColumn: 9, message: /Copy package\.json, package-lock\.json first.*--mount=type=cache,target=\/root\/\.npm/ }],
      unsafeOutput: 'FROM node:22\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n',
    },
    {
      name: 'context unknown: manifests named, no fix',
      code: 'FROM node:22\nCOPY . .\nRUN yarn install --frozen-lockfile\n',
      errors: [{ message: /Copy package\.json, yarn\.lock first/ }],
    },
    {
      name: 'pip requirements files, ADD to an absolute path, --chown kept',
      code: 'FROM python:3.12\nWORKDIR /app\nADD --chown=app . /app\nRUN pip install --no-cache-dir -r requirements.txt -r requirements-dev.txt\nCMD ["python", "app.py"]\n',
      options: python,
      errors: 1,
      unsafeOutput: 'FROM python:3.12\nWORKDIR /app\nCOPY --chown=app requirements.txt requirements-dev.txt /app/\nRUN pip install --no-cache-dir -r requirements.txt -r requirements-dev.txt\nADD --chown=app . /app\nCMD ["python", "app.py"]\n',
    },
    {
      name: 'install and build in one RUN: no fix',
      code: 'FROM node:22\nCOPY . .\nRUN npm ci && npm run build\n',
      options: node,
      errors: 1,
    },
    {
      name: 'manifest excluded by .dockerignore is not copied',
      code: 'FROM node:22\nCOPY . .\nRUN npm install\n',
      options: context('node-lock-ignored'),
      errors: [{ message: /Copy package\.json first/ }],
      unsafeOutput: 'FROM node:22\nCOPY package.json ./\nRUN npm install\nCOPY . .\n',
    },
    {
      name: 'manifests already copied: only the whole copy moves; cache mount present, not recommended',
      code: 'FROM golang:1.23\nWORKDIR /src\nCOPY go.mod go.sum ./\nCOPY . .\nRUN --mount=type=cache,target=/go/pkg/mod go mod download\nRUN go build -o /app .\n',
      options: go,
      errors: [{ line: 4, message: /^(?!.*--mount).*Copy go\.mod, go\.sum first/ }],
      unsafeOutput: 'FROM golang:1.23\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN --mount=type=cache,target=/go/pkg/mod go mod download\nCOPY . .\nRUN go build -o /app .\n',
    },
    {
      name: 'multi-stage, heredoc install',
      code: 'FROM node:22 AS build\nCOPY . .\nRUN <<EOF\nnpm ci\nEOF\nFROM nginx\nCOPY --from=build /dist /usr/share/nginx/html\n',
      options: node,
      errors: [{ line: 2 }],
      unsafeOutput: 'FROM node:22 AS build\nCOPY package.json package-lock.json ./\nRUN <<EOF\nnpm ci\nEOF\nCOPY . .\nFROM nginx\nCOPY --from=build /dist /usr/share/nginx/html\n',
    },
    {
      name: 'ONBUILD triggers',
      code: 'FROM node:22\nONBUILD COPY . /app/\nONBUILD RUN npm install\n',
      options: node,
      errors: 1,
      unsafeOutput: 'FROM node:22\nONBUILD COPY package.json package-lock.json /app/\nONBUILD RUN npm install\nONBUILD COPY . /app/\n',
    },
    {
      name: 'ARG-resolved destination, CRLF, install is the last line without newline',
      code: 'FROM node:22\r\nARG DIR=/app\r\nCOPY . $DIR\r\nRUN npm ci',
      options: node,
      errors: 1,
      unsafeOutput: 'FROM node:22\r\nARG DIR=/app\r\nCOPY package.json package-lock.json $DIR/\r\nRUN npm ci\r\nCOPY . $DIR',
    },
    {
      name: 'another ecosystem than the one installed before the copy',
      code: 'FROM node:22\nCOPY package.json ./\nRUN npm ci\nCOPY . .\nRUN pip install -r requirements.txt\n',
      errors: [{ line: 4, message: /before `pip install -r` \(line 5\)/ }],
    },
    { name: 'mvn options with values are not goals', code: 'FROM maven:3\nCOPY . .\nRUN mvn -B -s /usr/share/maven/ref/settings-docker.xml package\n', errors: [{ message: /before `mvn package`/ }] },
    { name: 'maven package: named, no fix (needs the sources)', code: 'FROM maven:3\nCOPY . .\nRUN mvn -B package\n', errors: [{ message: /Copy pom\.xml first/ }] },
  ],
});
