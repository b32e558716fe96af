import rule from '../../rules/missing-user.ts';
import { DIGEST_A, ROOT_CONFIG, registryImage, staticLookup } from '../helpers/image-lookup.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

// what the registry says about the images (their config's User)
const resolved = {
  images: staticLookup({
    'acme/app-base:1': registryImage(DIGEST_A, { ...ROOT_CONFIG, user: 'app' }),
    'acme/uid-base:1': registryImage(DIGEST_A, { ...ROOT_CONFIG, user: '10001:0' }),
    'node:22-slim': registryImage(DIGEST_A, ROOT_CONFIG),
    'acme/root-base:1': registryImage(DIGEST_A, { ...ROOT_CONFIG, user: '0:0' }),
    'cgr.dev/chainguard/python:latest-dev': registryImage(DIGEST_A, { ...ROOT_CONFIG, user: 'root' }),
  }),
};

ruleTester(rule, {
  valid: [
    'FROM node:22\nCOPY . /app\nUSER node\nCMD ["node", "/app/a.js"]\n',
    { name: 'USER in a stage it builds on', code: 'FROM debian AS base\nUSER 1000\nFROM base\nCOPY app /app\nCMD ["/app"]\n' },
    { name: 'distroless nonroot', code: 'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\nCMD ["/app"]\n' },
    { name: 'nonroot tag suffix', code: 'FROM gcr.io/distroless/base:debug-nonroot\nCOPY app /app\nCMD ["/app"]\n' },
    { name: 'Chainguard', code: 'FROM cgr.dev/chainguard/python:latest\nCOPY app.py /app/\nCMD ["python", "/app/app.py"]\n' },
    { name: 'nginx-unprivileged', code: 'FROM nginxinc/nginx-unprivileged:1.27\nCOPY site /usr/share/nginx/html\n' },
    { name: '.NET chiseled runs as app', code: 'FROM mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled\nCOPY out /app\nENTRYPOINT ["dotnet", "/app/a.dll"]\n' },
    { name: 'Docker Hub spelled out', code: 'FROM docker.io/grafana/k6:1.0\nCOPY script.js /s.js\nCMD ["run", "/s.js"]\n' },
    { name: 'ARG-resolved nonroot tag', code: 'ARG TAG=nonroot\nFROM gcr.io/distroless/static:${TAG}\nCOPY app /app\nCMD ["/app"]\n' },
    { name: 'unknown base image', code: 'ARG BASE\nFROM $BASE\nCOPY app /app\nCMD ["/app"]\n' },
    { name: 'USER root is set: user-root reports that', code: 'FROM debian\nUSER root\n' },
    { name: 'Windows', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY app.exe /\nCMD ["app.exe"]\n' },
    { name: 'Windows by tag', code: 'FROM openjdk:8-windowsservercore\nCOPY a.jar /\nCMD ["java", "-jar", "a.jar"]\n' },
    // images meant to be built FROM or to run commands in
    { name: 'base image: ONBUILD', code: 'FROM python:3.12\nONBUILD COPY . /app\nCMD ["python", "/app/main.py"]\n' },
    { name: 'base image: no CMD of its own', code: 'FROM debian:12\nCOPY tool /usr/local/bin/\nRUN apt-get update\n' },
    { name: 'a shell or REPL', code: 'FROM python:3.12\nCOPY lib /usr/lib/x\nCMD ["python3"]\n' },
    { name: 'an entrypoint script that opens a REPL', code: 'FROM ubuntu:24.04\nCOPY entrypoint.sh /\nENTRYPOINT ["/entrypoint.sh"]\nCMD ["jshell"]\n' },
    { name: 'an idle dev container', code: 'FROM debian:12\nCOPY . /src\nCMD ["sleep", "infinity"]\n' },
    { name: 'a Docker Dev Environments stage', code: 'FROM node:22 AS development\nCOPY . /app\nEXPOSE 3000\nCMD ["npm", "run", "dev"]\nFROM development AS dev-envs\nRUN apt-get update\n' },
    { name: 'dev container base', code: 'FROM mcr.microsoft.com/devcontainers/base:ubuntu\nCOPY . /w\nCMD ["node", "x.js"]\n' },
    { name: 'a distribution of published software: nothing of its own copied', code: 'FROM eclipse-temurin:21\nRUN curl -fsSLo /t.tgz https://x/tomcat.tgz\nEXPOSE 8080\nCMD ["catalina.sh", "run"]\n' },
    { name: 'only helper files copied', code: 'FROM debian:12\nRUN apt-get update && apt-get install -y redis\nCOPY redis.conf /etc/\nEXPOSE 6379\nCMD ["redis-server"]\n' },
    { name: 'a command-line tool, not a service', code: 'FROM golang:1.23 AS b\nCOPY . .\nRUN go build -o /t .\nFROM scratch\nCOPY --from=b /t /t\nENTRYPOINT ["/t"]\n' },
    // starts as root on purpose
    { name: 'gosu in the entrypoint', code: 'FROM debian:12\nCOPY . /app\nEXPOSE 80\nENTRYPOINT ["gosu", "app", "/app/run"]\n' },
    { name: 'a server that drops privileges', code: 'FROM debian:12\nCOPY site /var/www\nEXPOSE 80\nCMD ["nginx", "-g", "daemon off;"]\n' },
    { name: 'php-fpm', code: 'FROM php:8.3-fpm\nCOPY . /var/www/html\nCMD ["php-fpm"]\n' },
    { name: 'entrypoint script and gosu installed', code: 'FROM debian:12\nRUN apt-get update && apt-get install -y gosu\nCOPY . /app\nEXPOSE 80\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["node", "s.js"]\n' },
    { name: 'entrypoint script and a user never switched to', code: 'FROM alpine:3\nRUN adduser -D app\nCOPY . /app\nEXPOSE 80\nENTRYPOINT ["/entrypoint.sh"]\n' },
    { name: 'entrypoint script and PUID/PGID', code: 'FROM alpine:3\nENV UID=991 GID=991\nCOPY . /app\nEXPOSE 80\nCMD ["run.sh"]\n' },
    { name: 'the base image\'s entrypoint drops privileges', code: 'FROM postgres:16\nCOPY init.sql /docker-entrypoint-initdb.d/\nCOPY ext /ext\nCMD ["postgres", "-c", "x=1"]\n' },
    { name: 's6-overlay', code: 'FROM alpine:3\nCOPY root/ /\nEXPOSE 80\nENTRYPOINT ["/init"]\n' },
    // images resolved: the config's User says who the image runs as
    { name: 'resolved: the base image runs as `app`', code: 'FROM acme/app-base:1\nCOPY . /app\nEXPOSE 8080\nCMD ["node", "/app/s.js"]\n', options: resolved },
    { name: 'resolved: a uid with group 0, through a FROM <stage> chain', code: 'FROM acme/uid-base:1 AS base\nFROM base\nCOPY . /app\nEXPOSE 8080\nCMD ["/app/run"]\n', options: resolved },
    { name: 'drives the Docker daemon', code: 'FROM node:22\nRUN apt-get update && apt-get install -y docker-ce-cli\nCOPY . /app\nEXPOSE 80\nCMD ["node", "/app/s.js"]\n' },
  ],
  invalid: [
    {
      name: 'an application server as root',
      code: 'FROM node:22-slim\nCOPY . /app\nCMD ["node", "/app/server.js"]\n',
      errors: [{ line: 1, column: 1, endColumn: 18, message: /never sets USER/ }],
    },
    {
      name: 'a service that exposes a port',
      code: 'FROM golang:1.23 AS build\nCOPY . .\nRUN go build -o /app .\nFROM debian:12-slim\nCOPY --from=build /app /app\nEXPOSE 8080\nENTRYPOINT ["/app"]\n',
      errors: [{ line: 4 }],
    },
    {
      name: 'scratch: numeric user before ENTRYPOINT',
      code: 'FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\nEXPOSE 8080\nENTRYPOINT ["/app"]\n',
      errors: [{ line: 3, message: /USER 65532/ }],
      unsafeOutput: 'FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\nEXPOSE 8080\nUSER 65532\nENTRYPOINT ["/app"]\n',
    },
    {
      name: 'distroless, the CMD in the stage it builds on: at the end of the stage; USER in a copied-from stage does not count; CRLF',
      code: 'FROM node:22 AS build\r\nUSER node\r\nFROM gcr.io/distroless/nodejs22-debian12 AS base\r\nCMD ["/app/server.js"]\r\nFROM base\r\nCOPY --from=build /app /app\r\nEXPOSE 8080',
      errors: [{ line: 5 }],
      unsafeOutput: 'FROM node:22 AS build\r\nUSER node\r\nFROM gcr.io/distroless/nodejs22-debian12 AS base\r\nCMD ["/app/server.js"]\r\nFROM base\r\nCOPY --from=build /app /app\r\nEXPOSE 8080\r\nUSER 65532\r\n',
    },
    { name: 'scratch exposing port 80: no fix', code: 'FROM scratch\nCOPY app /app\nEXPOSE 80\nCMD ["/app"]\n', errors: 1 },
    { name: 'the entrypoint script does not tell: reported', code: 'FROM python:3.12-slim\nCOPY . /app\nEXPOSE 8000\nENTRYPOINT ["/app/entrypoint.sh"]\nCMD ["gunicorn", "app:app"]\n', errors: 1 },
    { name: 'ONBUILD USER does not set the user of this image', code: 'FROM ubuntu:24.04 AS a\nONBUILD USER app\nFROM a\nCOPY . /srv\nCMD ["python3", "/srv/app.py"]\n', errors: 1 },
    {
      name: 'resolved: the config says root (empty User)',
      code: 'FROM node:22-slim\nCOPY . /app\nCMD ["node", "/app/server.js"]\n',
      options: resolved,
      errors: [{ line: 1, message: /never sets USER/ }],
    },
    { name: 'resolved: the config says 0:0, whatever the name', code: 'FROM acme/root-base:1\nCOPY . /app\nEXPOSE 8080\nCMD ["/app/run"]\n', options: resolved, errors: 1 },
    {
      name: 'resolved: a Chainguard -dev image whose config is root (by name it would pass)',
      code: 'FROM cgr.dev/chainguard/python:latest-dev\nCOPY app.py /app/\nEXPOSE 8080\nCMD ["python", "/app/app.py"]\n',
      options: resolved,
      errors: 1,
    },
  ],
});
