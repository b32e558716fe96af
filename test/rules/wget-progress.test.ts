import rule from '../../rules/wget-progress.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

const hadolint = { preset: 'hadolint' } as const;

ruleTester(rule, {
  valid: [
    'FROM debian\nRUN wget --progress=dot:giga x\n',
    'FROM debian\nRUN wget -q x && wget -nv y && wget --no-verbose z && wget -qO- w\n',
    'FROM debian\nRUN wget -o /tmp/log x && wget --append-output=/tmp/log y\n',
    { name: 'BusyBox wget on Alpine has no --progress', code: 'FROM alpine:3.20\nRUN wget -O /tmp/go.tgz https://go.dev/dl/go.tgz\n' },
    { name: 'BusyBox wget in an alpine variant', code: 'FROM golang:1.23-alpine3.20\nRUN wget -O go.tgz "$url"\n' },
    { name: 'BusyBox wget, by the package manager the stage uses', code: 'FROM registry.example.com/base:1\nRUN apk add --no-cache curl\nRUN wget -O x.tgz https://x/x.tgz\n' },
    { name: 'small files: signatures, checksums, keys, scripts', code: 'FROM debian:12\nRUN wget -O go.tgz.asc "$url.asc" && wget https://x/SHA256SUMS && wget -O KEYS https://pgp.mongodb.com/server-8.0.asc && wget https://x/install.sh\n' },
    { name: 'Windows: PowerShell\'s wget', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN powershell.exe -Command $ErrorActionPreference = \'Stop\'; wget https://x/python.exe -OutFile c:\\python.exe\n' },
  ],
  invalid: [
    { code: 'FROM debian\nRUN wget my.xyz\n', errors: [{ line: 2, column: 5, endColumn: 16, message: '`wget` prints a progress line every 50 KB in a build log: add `--progress=dot:giga` or `-nv`' }] },
    { name: 'ONBUILD, -O is not -o, heredoc', code: 'FROM debian\nONBUILD RUN wget -O - x | sh\nRUN <<EOF\nwget y\nEOF\n', errors: [{ line: 2 }, { line: 4 }] },
    { name: 'GNU wget installed on Alpine', code: 'FROM alpine:3.20\nRUN apk add --no-cache wget\nRUN wget -O /tmp/go.tgz https://go.dev/dl/go.tgz\n', errors: [{ line: 3 }] },
    { name: 'a tarball beside its signature', code: 'FROM debian:12\nRUN wget -O go.tgz "$url" && wget -O go.tgz.asc "$url.asc"\n', errors: 1 },
    // hadolint's DL3047: every wget without those options
    { name: 'hadolint: BusyBox wget and small files too', code: 'FROM alpine:3.20\nRUN wget -O x.asc https://x/x.asc\n', options: hadolint, errors: 1 },
  ],
});
