import rule from '../../rules/undefined-variable.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

const buildkit = { preset: 'buildkit' } as const;

ruleTester(rule, {
  valid: [
    'FROM alpine\nARG foo\nCOPY $foo /app/\n',
    'FROM alpine\nENV A=1\nENV B=${A}/x\nWORKDIR /opt/$B\n',
    { name: 'RUN is resolved by the shell', code: 'FROM alpine\nRUN echo $nothing\nCMD echo $nothing\n' },
    { name: 'predefined proxy and platform args', code: 'FROM alpine\nENV P=$http_proxy T=$TARGETARCH\n' },
    { name: 'PATH comes from the base image', code: 'FROM alpine\nENV PATH=/opt/bin:$PATH\n' },
    { name: 'upper-case names may come from the base image ENV', code: 'FROM eclipse-temurin:21\nENV JAVA=$JAVA_HOME/bin/java\n' },
    { name: 'an image variable two edits from PATH is not a typo', code: 'FROM golang:1.23\nWORKDIR $GOPATH/src\n' },
    { name: 'lower-case names may come from a base image too', code: 'FROM ghcr.io/acme/base:1\nWORKDIR ${prefix}${target}/lib\n' },
    { name: 'every stage has a PATH, scratch too', code: 'FROM scratch\nENV PATH=/bin:$PATH\n' },
    { name: 'a stage inherits the ENV of the stage it builds on', code: 'FROM alpine AS base\nENV dir=/srv\nFROM base\nWORKDIR $dir\n' },
    { name: 'and its ARGs (BuildKit carries them into the child)', code: 'FROM alpine AS base\nARG foo=Dockerfile\nFROM base\nCOPY $foo .\n' },
    { name: 'ARG defaults see earlier names of the same ARG', code: 'FROM alpine\nARG a=1 b=$a\n' },
    { name: 'escaped dollar', code: 'FROM alpine\nLABEL price=\\$foo\n' },
    { name: 'ONBUILD triggers expand in the child image', code: 'FROM alpine\nONBUILD COPY $src /app\n' },
    { name: 'a default for the unset case', code: 'FROM alpine\nENV UID=${UID:-1000} LD_LIBRARY_PATH=${LD_LIBRARY_PATH:+$LD_LIBRARY_PATH:}/opt/lib\n' },
    { name: 'template text with a modifier BuildKit rejects', code: 'FROM mcr.microsoft.com/devcontainers/base:ubuntu\nARG INSTALL_ZSH="${templateOption:installZsh}"\n' },
    { name: 'a template: placeholders the Dockerfile never declares', code: 'FROM alpine:$ALPINE_VERSION\nLABEL version="$VERSION"\n' },
    { name: 'a template: a variable in COPY --from', code: 'FROM scratch\nCOPY --from=traefik:${VERSION}-alpine /bin/traefik /\nLABEL version="$VERSION"\n' },
    { name: 'a self-reference on an unknown image: the image may define it', code: 'FROM nvidia/cuda:12.4.0-runtime-ubuntu22.04\nENV LD_LIBRARY_PATH=/opt/lib:$LD_LIBRARY_PATH\n' },
    { name: 'a FROM that may name a stage: its declarations may be inherited', code: 'ARG ARCH\nFROM alpine AS build-amd64\nENV PREFIX=x86_64\nFROM build-${ARCH} AS build\nCOPY out /usr/$PREFIX/\n' },
    { name: 'a quoted heredoc delimiter: no expansion', code: 'FROM alpine\nCOPY <<"EOF" /run.sh\necho $HOME\nEOF\n' },
    { name: 'buildkit: EXPOSE is not checked', code: 'FROM alpine\nEXPOSE $port\n', options: buildkit },
  ],
  invalid: [
    {
      code: 'FROM alpine AS base\nCOPY $foo .\n',
      errors: [{ message: "Variable '$foo' is not defined by any ARG or ENV before this line", line: 2, column: 6, endColumn: 10 }],
    },
    {
      name: 'did you mean, for a typo of PATH',
      code: 'FROM alpine\nENV PATH=$PAHT:/app/bin\n',
      errors: [{ message: "Variable '$PAHT' is not defined by any ARG or ENV before this line (did you mean $PATH?)", column: 10, endColumn: 15 }],
    },
    {
      name: 'did you mean, for a declared ARG, on any image',
      code: 'FROM node:22\nARG version=1\nLABEL v=${verison}\n',
      errors: [{ message: /did you mean \$version\?/, line: 3, column: 9, endColumn: 19 }],
    },
    {
      name: 'did you mean, for a name of a stage it builds on, not of another stage nor a later line',
      code: 'FROM alpine AS a\nENV version=1\nFROM a AS b\nARG verbose=1\nFROM alpine AS c\nENV versions=2\nFROM b\nLABEL v=${verison} w=${verbsoe} x=${versoins}\nENV PTAH=$PAHT\nENV PATH=/bin\nRUN true\n',
      errors: [
        { message: /did you mean \$version\?/, line: 8, column: 9 },
        { message: /did you mean \$verbose\?/, line: 8, column: 22 },
        { message: /did you mean \$version\?/, line: 8, column: 35 },
        // PATH is declared further down the stage: not suggested above its line
        { message: "Variable '$PAHT' is not defined by any ARG or ENV before this line", line: 9, column: 10 },
      ],
    },
    {
      name: 'a global ARG is not visible in a stage unless declared again, whatever the image',
      code: 'ARG user=app\nARG GO_VERSION=1.23\nFROM alpine\nUSER $user\nFROM debian:12-slim\nENV GOLANG_VERSION=${GO_VERSION}\nFROM ${GO_IMAGE}\nLABEL go=$GO_VERSION\n',
      errors: [
        { line: 4, column: 6, message: "Variable '$user' is not defined by any ARG or ENV before this line (a global ARG is seen in a stage only after `ARG user` there)" },
        { line: 6, column: 20 },
        { line: 8, column: 10 },
      ],
    },
    {
      name: 'ENV is not visible before its line; every name of one ENV sees the scope before it',
      code: 'FROM alpine\nWORKDIR /srv/$app\nENV app=x other=$app\n',
      errors: [{ line: 2 }, { line: 3, column: 17 }],
    },
    {
      name: 'on an unknown image: another name of the same ENV, an ARG further down, an ENV of another stage',
      code: 'FROM alpine AS a\nENV SDK=/sdk\nFROM mcr.microsoft.com/azure-functions/python:4\nENV NVM_DIR=/nvm PATH=$NVM_DIR/bin:$PATH\nCOPY $src /app/$SDK/\nARG src=.\n',
      errors: [{ line: 4, column: 23 }, { line: 5, column: 6 }, { line: 5, column: 16 }],
    },
    { name: 'upper case is reported in a scratch stage', code: 'FROM scratch\nCOPY $SRC /\n', errors: 1 },
    {
      name: 'flags: COPY --chown and RUN --mount',
      code: 'FROM alpine\nCOPY --chown=$owner a b\nRUN --mount=type=cache,target=$cache true\n',
      errors: [{ line: 2, column: 14 }, { line: 3, column: 31 }],
    },
    {
      name: 'EXPOSE, VOLUME and STOPSIGNAL',
      code: 'FROM alpine\nEXPOSE $port\nVOLUME $vol\nSTOPSIGNAL $sig\n',
      errors: 3,
    },
    {
      name: 'COPY heredoc bodies are expanded at build time, quotes included',
      code: 'FROM alpine\nCOPY <<EOF /run.sh\necho "$HOME" \'$USER\'\nEOF\n',
      errors: [{ line: 3, column: 7, endColumn: 12 }, { line: 3, column: 15, endColumn: 20 }],
    },
    // BuildKit's UndefinedVar
    {
      name: 'buildkit: on the instruction, once per name and word; defaults and templates too',
      code: 'FROM alpine\nCOPY $a/$a $b\nENV X=${Y:-1} Z=${templateOption:zsh}\n',
      options: buildkit,
      errors: [{ line: 2, column: 1, endColumn: 14 }, { line: 2, column: 1 }, { line: 3, column: 1 }, { line: 3, column: 1 }],
    },
  ],
});
