import rule from '../../rules/pipefail-missing.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

const SHELL = 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]';
const hadolint = { preset: 'hadolint' } as const;

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN curl -fsSL x -o y && tar -xf y\n',
    `FROM debian:12\n${SHELL}\nRUN curl -fsSL x | sh\n`,
    'FROM debian:12\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nRUN curl x | sh\n',
    'FROM debian:12\nSHELL ["/usr/bin/zsh", "-o", "errexit", "-o", "pipefail", "-c"]\nRUN curl x | sh\n',
    { name: 'the script sets pipefail itself', code: 'FROM alpine:3.20\nRUN set -euo pipefail; curl x | sh\n' },
    { name: 'the left side cannot fail in a way that matters', code: 'FROM debian:12\nRUN echo "$SHA *x.tgz" | sha256sum -c - && echo "$x" | tr a-z A-Z\n' },
    { name: 'readers that fail on an empty or broken download', code: 'FROM debian:12\nRUN curl -fsSL x | tar -xz -C /opt && wget -qO- k | gpg --dearmor -o /k.gpg && curl k | apt-key add - && curl s | sha256sum -c -\n' },
    { name: 'a download captured by a command substitution: the script uses the empty value', code: 'FROM debian:12\nRUN v=$(curl -s https://api | jq -r .tag) && curl -fo x https://d/$v\n' },
    {
      name: 'a key or list written with tee before the package manager reads it',
      code: 'FROM debian:12\nRUN curl k | gpg --dearmor | tee /etc/apt/keyrings/k.gpg >/dev/null && curl l | tee /etc/apt/sources.list.d/l.list && apt-get update\n',
    },
    {
      name: 'the RUN then runs or uses what the installer made',
      code: 'FROM debian:12\nRUN curl -sSf https://sh.rustup.rs | sh -s -- -y && $HOME/.cargo/bin/rustup component add rustfmt\nRUN curl -sS https://getcomposer.org/installer | php && mv composer.phar /usr/local/bin/composer\n',
    },
    { name: 'readers that may stop early', code: 'FROM debian:12\nRUN curl -s x | head -1 > v && curl -s x | grep -q ok\n' },
    { name: 'a failure tolerated on purpose', code: 'FROM debian:12\nRUN curl x | sh || true\nRUN if curl x | grep ok; then echo y; fi\n' },
    { name: 'exec form does not use SHELL', code: 'FROM debian:12\nRUN ["bash", "-c", "curl x | sh"]\n' },
    { name: 'PowerShell', code: 'FROM w\nSHELL ["pwsh", "-c"]\nRUN Get-Item x | Select-Object y\n' },
    { name: 'inherited from the base stage', code: `FROM debian:12 AS base\n${SHELL}\nFROM base\nRUN curl x | sh\n` },
    { name: 'hadolint: SHELL with pipefail', code: `FROM debian:12\n${SHELL}\nRUN a | b\n`, options: hadolint },
  ],
  invalid: [
    {
      name: 'alpine: BusyBox ash takes set -o pipefail',
      code: 'FROM alpine:3.20\nRUN wget -qO- https://x/install.sh | sh\n',
      errors: [{ line: 2, column: 5, endColumn: 35, message: /A failed `wget` goes unnoticed/ }],
      unsafeOutput: 'FROM alpine:3.20\nRUN set -o pipefail && wget -qO- https://x/install.sh | sh\n',
    },
    {
      name: 'bookworm and Ubuntu: dash rejects -o pipefail, no fix (no SHELL swap either)',
      code: 'FROM debian:bookworm\nRUN curl -fsSL https://x | bash -\nFROM ubuntu:24.04\nRUN cd /x && curl -s https://get | python3 -\n',
      errors: [{ line: 2, column: 5 }, { line: 4, column: 14 }],
    },
    { name: 'unknown image: no fix', code: 'FROM acme/base:1\nRUN curl x | sh\n', errors: 1 },
    {
      name: 'trixie and the RHEL family: sh takes it',
      code: 'FROM debian:trixie\nRUN curl x | sh\nFROM rockylinux:9\nRUN curl x | tee /etc/yum.repos.d/x.repo\n',
      errors: 2,
      unsafeOutput: 'FROM debian:trixie\nRUN set -o pipefail && curl x | sh\nFROM rockylinux:9\nRUN set -o pipefail && curl x | tee /etc/yum.repos.d/x.repo\n',
    },
    {
      name: 'a bash SHELL without pipefail',
      code: 'FROM debian:12\nSHELL ["/bin/bash", "-c"]\nRUN echo a && curl x | gpg --dearmor | tee /k >/dev/null\n',
      errors: [{ line: 3, column: 15 }],
      unsafeOutput: 'FROM debian:12\nSHELL ["/bin/bash", "-c"]\nRUN set -o pipefail && echo a && curl x | gpg --dearmor | tee /k >/dev/null\n',
    },
    {
      name: 'heredoc: a set -o pipefail line after the interpreter line',
      code: 'FROM alpine:3.20\nRUN <<EOF\n#!/bin/sh\ncurl x | sh\nEOF\n',
      errors: [{ line: 4 }],
      unsafeOutput: 'FROM alpine:3.20\nRUN <<EOF\n#!/bin/sh\nset -o pipefail\ncurl x | sh\nEOF\n',
    },
    { name: 'in a sh -c string: reported, no fix', code: 'FROM alpine:3.20\nRUN sh -c "curl x | sh"\n', errors: 1 },
    { name: 'ONBUILD: reported, no fix', code: 'FROM alpine:3.20\nONBUILD RUN curl x | sh\n', errors: 1 },
    {
      name: 'hadolint: any pipe, on the command after it; plain sh with pipefail is not trusted',
      code: 'FROM debian:12\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\nRUN echo "$x" | tr a b\nFROM alpine:3.20\nRUN a | b\n',
      options: hadolint,
      errors: [{ line: 3, column: 17 }, { line: 5, column: 9 }],
      unsafeOutput: 'FROM debian:12\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\nRUN echo "$x" | tr a b\nFROM alpine:3.20\nRUN set -o pipefail && a | b\n',
    },
  ],
});
