import rule from '../../rules/apt-no-install-recommends.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

const CURL_LEFT_OUT = 'on Debian 12 it leaves out ca-certificates, krb5-locales, libldap-common, libsasl2-modules, openssl and more';

ruleTester(rule, {
  valid: [
    'FROM debian\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
    'FROM debian\nRUN apt-get -o APT::Install-Recommends=false install -y curl\n',
    'FROM debian\nRUN apt-get update\n',
    { name: 'PowerShell RUN is not POSIX shell', code: 'FROM w\nSHELL ["powershell", "-Command"]\nRUN apt-get install curl\n' },
    {
      name: 'an earlier RUN configured APT not to install recommends',
      code: 'FROM debian\nRUN echo \'APT::Install-Recommends "false";\' > /etc/apt/apt.conf.d/disable-install-recommends\nRUN apt-get update && apt-get install -y curl\n',
    },
    {
      name: 'configured with printf | tee, "0", in the same RUN before the install',
      code: 'FROM debian\nRUN printf \'APT::Install-Recommends "0";\\n\' | tee /etc/apt/apt.conf.d/99norecommends && apt-get install -y curl\n',
    },
    {
      name: 'configured by a COPY heredoc',
      code: 'FROM debian\nCOPY <<no-recommends <<no-suggests /etc/apt/apt.conf.d/\nAPT::Install-Recommends "false";\nno-recommends\nAPT::Install-Suggests "false";\nno-suggests\nRUN apt-get install -y curl\n',
    },
    { name: 'a configuration file named for it, copied from the context', code: 'FROM debian\nCOPY docker/99no-install-recommends /etc/apt/apt.conf.d/\nRUN apt-get install -y curl\n' },
    {
      name: 'configured in a stage it builds on; an ONBUILD trigger sees it too',
      code: 'FROM debian AS base\nRUN echo \'APT::Install-Recommends "false";\' >> /etc/apt/apt.conf\nFROM base\nRUN apt-get install -y curl\nONBUILD RUN apt-get install -y git\n',
    },
    { name: 'on Debian 12 the flag would change nothing (tini, file)', code: 'FROM debian\nRUN apt-get install -y tini file\n' },
    { name: 'a build stage: nothing of it ships', code: 'FROM debian AS build\nRUN apt-get install -y gcc-aarch64-linux-gnu curl\nFROM scratch\nCOPY --from=build /out /\n' },
    { name: 'a dev container', code: 'FROM mcr.microsoft.com/devcontainers/base:bookworm\nRUN apt-get update && apt-get install -y python3-pip\n' },
    { name: 'a dev container (the older name)', code: 'FROM mcr.microsoft.com/vscode/devcontainers/typescript-node:18-bullseye\nRUN apt-get install -y firefox-esr\n' },
    { name: 'a build environment: no program of its own, on a toolchain image', code: 'FROM buildpack-deps:bookworm\nRUN apt-get install -y curl git\n' },
    { name: 'a build environment on a base a build argument names (CI, cross builds)', code: 'ARG BASE\nFROM ${BASE}\nRUN apt-get install -y curl\nENTRYPOINT []\n' },
    { name: 'an interactive shell is no program of its own', code: 'FROM golang:1.23\nRUN apt-get install -y curl\nCMD ["/bin/bash"]\n' },
    { name: 'a simulated install (-s) installs nothing', code: 'FROM debian\nRUN if apt-get install -s "postgresql-$PG_MAJOR-jit" > /dev/null 2>&1; then echo ok; fi\n' },
  ],
  invalid: [
    {
      code: 'FROM debian\nRUN apt-get update && apt-get install -y curl\nCMD ["app"]\n',
      errors: [{ line: 2, column: 23, endColumn: 46, message: `Avoid additional packages by specifying \`--no-install-recommends\`: ${CURL_LEFT_OUT}; keep ca-certificates by naming it, as the fix does` }],
      output: 'FROM debian\nRUN apt-get update && apt-get install --no-install-recommends -y curl ca-certificates\nCMD ["app"]\n',
    },
    {
      name: 'ca-certificates named in the install: not added again',
      code: 'FROM debian\nRUN apt-get install -y ca-certificates curl wget\nCMD ["app"]\n',
      errors: [{ message: /leaves out ca-certificates, .*and more$/ }],
      output: 'FROM debian\nRUN apt-get install --no-install-recommends -y ca-certificates curl wget\nCMD ["app"]\n',
    },
    {
      name: 'ca-certificates installed by an earlier RUN of the stage',
      code: 'FROM debian\nRUN apt-get install -y --no-install-recommends ca-certificates\nRUN apt-get install -y curl\nCMD ["app"]\n',
      errors: [{ line: 3, message: `Avoid additional packages by specifying \`--no-install-recommends\`: ${CURL_LEFT_OUT}` }],
      output: 'FROM debian\nRUN apt-get install -y --no-install-recommends ca-certificates\nRUN apt-get install --no-install-recommends -y curl\nCMD ["app"]\n',
    },
    {
      name: 'a package the table does not know: the fix is unsafe',
      code: 'FROM debian\nRUN apt-get install -y some-package-nobody-knows\nCMD ["app"]\n',
      errors: [{ message: 'Avoid additional packages by specifying `--no-install-recommends`' }],
      unsafeOutput: 'FROM debian\nRUN apt-get install --no-install-recommends -y some-package-nobody-knows\nCMD ["app"]\n',
    },
    {
      name: 'a package from a variable: unsafe, and what the known ones leave out is named',
      code: 'FROM debian\nRUN apt-get install -y curl $EXTRA\nCMD ["app"]\n',
      errors: [{ message: `Avoid additional packages by specifying \`--no-install-recommends\`: ${CURL_LEFT_OUT} (and whatever the other packages recommend); keep ca-certificates by naming it, as the fix does` }],
      unsafeOutput: 'FROM debian\nRUN apt-get install --no-install-recommends -y curl $EXTRA ca-certificates\nCMD ["app"]\n',
    },
    {
      name: 'continuation lines and sudo',
      code: 'FROM debian\nRUN apt-get update \\\n && sudo apt-get install \\\n    curl\nCMD ["app"]\n',
      errors: 1,
      output: 'FROM debian\nRUN apt-get update \\\n && sudo apt-get install --no-install-recommends \\\n    curl ca-certificates\nCMD ["app"]\n',
    },
    {
      name: 'heredoc script',
      code: 'FROM debian\nRUN <<EOF\napt-get update\napt-get install -y wget\nEOF\nCMD ["app"]\n',
      errors: [{ line: 4 }],
      output: 'FROM debian\nRUN <<EOF\napt-get update\napt-get install --no-install-recommends -y wget ca-certificates\nEOF\nCMD ["app"]\n',
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM debian\nONBUILD RUN apt-get install -y wget\nCMD ["app"]\n',
      errors: 1,
      output: 'FROM debian\nONBUILD RUN apt-get install --no-install-recommends -y wget ca-certificates\nCMD ["app"]\n',
    },
    {
      name: 'exec form: no fix',
      code: 'FROM debian\nRUN ["apt-get", "install", "-y", "curl"]\nCMD ["app"]\n',
      errors: 1,
    },
    {
      name: 'the configuration comes after the install',
      code: 'FROM debian\nRUN apt-get install -y curl\nRUN echo \'APT::Install-Recommends "false";\' > /etc/apt/apt.conf.d/norec\nCMD ["app"]\n',
      errors: [{ line: 2 }],
      output: 'FROM debian\nRUN apt-get install --no-install-recommends -y curl ca-certificates\nRUN echo \'APT::Install-Recommends "false";\' > /etc/apt/apt.conf.d/norec\nCMD ["app"]\n',
    },
    {
      name: 'configured in another stage, not one it builds on',
      code: 'FROM debian AS a\nRUN echo \'APT::Install-Recommends "false";\' > /etc/apt/apt.conf.d/norec\nFROM debian\nRUN apt-get install -y --no-install-recommends ca-certificates && apt-get install -y curl\nCMD ["app"]\n',
      errors: [{ line: 4, column: 67 }],
      output: 'FROM debian AS a\nRUN echo \'APT::Install-Recommends "false";\' > /etc/apt/apt.conf.d/norec\nFROM debian\nRUN apt-get install -y --no-install-recommends ca-certificates && apt-get install --no-install-recommends -y curl\nCMD ["app"]\n',
    },
    {
      name: 'only suggests turned off',
      code: 'FROM debian\nRUN echo \'APT::Install-Suggests "false";\' > /etc/apt/apt.conf.d/nosug\nRUN apt-get install -y gnupg\nCMD ["app"]\n',
      errors: [{ line: 3, message: 'Avoid additional packages by specifying `--no-install-recommends`: on Debian 12 it leaves out libgpm2, libldap-common, libsasl2-modules, libssl3' }],
      output: 'FROM debian\nRUN echo \'APT::Install-Suggests "false";\' > /etc/apt/apt.conf.d/nosug\nRUN apt-get install --no-install-recommends -y gnupg\nCMD ["app"]\n',
    },
    {
      name: 'what it leaves out ships programs (git: ssh, less, patch): the fix is unsafe',
      code: 'FROM debian\nRUN apt-get install -y git\nCMD ["app"]\n',
      errors: [{ message: 'Avoid additional packages by specifying `--no-install-recommends`: on Debian 12 it leaves out ca-certificates, less, patch, krb5-locales, libbsd0 and more, with programs a later step may run (less, patch, openssh-client, xauth); keep ca-certificates by naming it, as the fix does' }],
      unsafeOutput: 'FROM debian\nRUN apt-get install --no-install-recommends -y git ca-certificates\nCMD ["app"]\n',
    },
    {
      name: 'gpg leaves out dirmngr, which `gpg --recv-keys` needs: unsafe',
      code: 'FROM debian\nRUN apt-get install -y gpg && gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys 0x1234\nCMD ["app"]\n',
      errors: [{ message: /with programs a later step may run \(dirmngr, / }],
      unsafeOutput: 'FROM debian\nRUN apt-get install --no-install-recommends -y gpg && gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys 0x1234\nCMD ["app"]\n',
    },
    {
      name: 'a stage the final one builds on ships',
      code: 'FROM debian AS base\nRUN apt-get install -y wget\nFROM base\nCMD ["app"]\n',
      errors: [{ line: 2 }],
      output: 'FROM debian AS base\nRUN apt-get install --no-install-recommends -y wget ca-certificates\nFROM base\nCMD ["app"]\n',
    },
    {
      name: 'hadolint preset: a build stage is reported',
      code: 'FROM debian AS build\nRUN apt-get install -y curl\nFROM scratch\nCOPY --from=build /out /\nCMD ["app"]\n',
      options: { preset: 'hadolint' },
      errors: [{ line: 2 }],
      output: 'FROM debian AS build\nRUN apt-get install --no-install-recommends -y curl ca-certificates\nFROM scratch\nCOPY --from=build /out /\nCMD ["app"]\n',
    },
    {
      name: 'no program of its own on a distribution image: a base image, reported',
      code: 'FROM debian:bookworm\nRUN apt-get install -y wget\n',
      errors: [{ line: 2 }],
      output: 'FROM debian:bookworm\nRUN apt-get install --no-install-recommends -y wget ca-certificates\n',
    },
    {
      name: 'no program of its own, on an application image: its program runs',
      code: 'FROM spark:3.5.7-scala2.12-java17-ubuntu\nUSER root\nRUN apt-get install -y python3 python3-pip\nUSER spark\n',
      errors: [{ line: 3, message: /leaves out .*with programs a later step may run/ }],
      unsafeOutput: 'FROM spark:3.5.7-scala2.12-java17-ubuntu\nUSER root\nRUN apt-get install --no-install-recommends -y python3 python3-pip ca-certificates\nUSER spark\n',
    },
    {
      name: 'hadolint preset: an earlier configuration does not count',
      code: 'FROM debian\nRUN echo \'APT::Install-Recommends "false";\' > /etc/apt/apt.conf.d/norec\nRUN apt-get install -y ca-certificates\nCMD ["app"]\n',
      options: { preset: 'hadolint' },
      errors: [{ line: 3, message: 'Avoid additional packages by specifying `--no-install-recommends`' }],
      output: 'FROM debian\nRUN echo \'APT::Install-Recommends "false";\' > /etc/apt/apt.conf.d/norec\nRUN apt-get install --no-install-recommends -y ca-certificates\nCMD ["app"]\n',
    },
  ],
});
