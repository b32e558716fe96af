import rule from '../../rules/pipefail-missing.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

const SHELL = 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN curl -fsSL x && tar -xf y\n',
    `FROM debian:12\n${SHELL}\nRUN curl -fsSL x | tar -x\n`,
    'FROM debian:12\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nRUN a | b\n',
    'FROM debian:12\nSHELL ["/usr/bin/zsh", "-o", "errexit", "-o", "pipefail", "-c"]\nRUN a | b\n',
    { name: 'the script sets pipefail itself', code: 'FROM debian:12\nRUN set -euo pipefail; curl x | tar -x\n' },
    { name: 'exec form does not use SHELL', code: 'FROM debian:12\nRUN ["bash", "-c", "a | b"]\n' },
    { name: 'PowerShell', code: 'FROM w\nSHELL ["pwsh", "-c"]\nRUN Get-Item x | Select-Object y\n' },
    { name: 'inherited from the base stage', code: `FROM debian:12 AS base\n${SHELL}\nFROM base\nRUN a | b\n` },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN curl -fsSL https://x | tar -xz\n',
      errors: [{ line: 2, column: 28 }],
      unsafeOutput: `FROM debian:12\n${SHELL}\nRUN curl -fsSL https://x | tar -xz\n`,
    },
    {
      name: 'one SHELL per stage covers later RUNs; plain sh with pipefail is not trusted',
      code: 'FROM node:22-bookworm\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\nRUN a | b\nRUN c | d\n',
      errors: 2,
      unsafeOutput: `FROM node:22-bookworm\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\n${SHELL}\nRUN a | b\nRUN c | d\n`,
    },
    { name: 'alpine: no fix', code: 'FROM alpine:3.20\nRUN a | b\n', errors: 1 },
    { name: 'node alpine variant: no fix', code: 'FROM node:22-alpine\nRUN a | b\n', errors: 1 },
    { name: 'scratch: no fix', code: 'FROM scratch\nRUN a | b\n', errors: 1 },
    { name: 'unknown image: no fix', code: 'FROM acme/base:1\nRUN a | b\n', errors: 1 },
    {
      name: 'ARG-resolved base image, indented RUN, heredoc',
      code: 'ARG BASE=ubuntu:24.04\nFROM ${BASE}\n  RUN <<EOF\ncurl x | sh\nEOF\n',
      errors: [{ line: 4 }],
      unsafeOutput: `ARG BASE=ubuntu:24.04\nFROM \${BASE}\n  ${SHELL}\n  RUN <<EOF\ncurl x | sh\nEOF\n`,
    },
    { name: 'ONBUILD: reported, no fix', code: 'FROM debian:12\nONBUILD RUN a | b\n', errors: 1 },
    {
      name: 'multi-stage: the next stage starts with /bin/sh again',
      code: `FROM debian:12 AS a\n${SHELL}\nRUN a | b\nFROM debian:12\nRUN a | b\n`,
      errors: [{ line: 5 }],
      unsafeOutput: `FROM debian:12 AS a\n${SHELL}\nRUN a | b\nFROM debian:12\n${SHELL}\nRUN a | b\n`,
    },
  ],
});
