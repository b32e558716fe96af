import rule from '../../rules/workdir-relative.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nWORKDIR /usr/local\n',
    'FROM debian:12\nWORKDIR "/usr/local"\n',
    { name: 'unknown variable', code: 'FROM debian:12\nWORKDIR ${dir}\n' },
    { name: 'Windows absolute', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:/app\n' },
    { name: 'ARG resolved to an absolute path', code: 'FROM debian:12\nARG DIR=/srv\nWORKDIR $DIR\n' },
    { name: 'relative to a WORKDIR this file set: determined', code: 'FROM debian:12\nWORKDIR /work\nRUN git clone https://example.com/x.git\nWORKDIR x/build\n' },
    { name: 'FROM scratch starts at /', code: 'FROM scratch\nWORKDIR app\n' },
    { name: 'buildkit preset: only the first WORKDIR of a stage', code: 'FROM debian:12\nWORKDIR /srv\nWORKDIR app\n', options: { preset: 'buildkit' } },
    { name: 'buildkit preset: a WORKDIR of the stage it builds on came first', code: 'FROM debian:12 AS base\nWORKDIR /opt\nFROM base\nWORKDIR tool\n', options: { preset: 'buildkit' } },
    { name: 'buildkit preset: a WORKDIR with an unknown value came first', code: 'FROM debian:12\nARG DIR\nWORKDIR $DIR\nWORKDIR app\n', options: { preset: 'buildkit' } },
  ],
  invalid: [
    {
      name: 'base image directory unknown: no fix',
      code: 'FROM debian:12\nWORKDIR app\n',
      errors: [{ line: 2, column: 9, endColumn: 12 }],
    },
    {
      name: 'quoted relative path',
      code: "FROM debian:12\nWORKDIR 'relative/dir'\n",
      errors: 1,
    },
    {
      name: 'hadolint preset, previous WORKDIR known: made absolute',
      options: { preset: 'hadolint' },
      code: 'FROM debian:12\nWORKDIR /srv\nWORKDIR app/../web\n',
      errors: [{ line: 3, message: 'WORKDIR `app/../web` is relative: write the absolute path `/srv/web`' }],
      output: 'FROM debian:12\nWORKDIR /srv\nWORKDIR /srv/web\n',
    },
    {
      name: 'hadolint preset: FROM scratch starts at /',
      options: { preset: 'hadolint' },
      code: 'FROM scratch\nWORKDIR app\n',
      errors: 1,
      output: 'FROM scratch\nWORKDIR /app\n',
    },
    {
      name: 'buildkit preset: a relative first WORKDIR, with BuildKit\'s message',
      options: { preset: 'buildkit' },
      code: 'FROM scratch\nWORKDIR app/\n',
      errors: [{ message: 'Relative workdir "app/" can have unexpected results if the base image changes', line: 2 }],
      output: 'FROM scratch\nWORKDIR /app\n',
    },
    {
      name: 'hadolint preset: ARG resolved to a relative path',
      options: { preset: 'hadolint' },
      code: 'FROM debian:12\nWORKDIR /srv\nARG SUB=www\nWORKDIR ${SUB}\n',
      errors: 1,
    },
    {
      name: 'ONBUILD: the directory in the child is unknown',
      code: 'FROM debian:12\nWORKDIR /srv\nONBUILD WORKDIR app\n',
      errors: 1,
    },
  ],
});
