import rule from '../../rules/user-root.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nUSER app\n',
    'FROM debian:12\nUSER root\nRUN apt-get update\nUSER app\n',
    { name: 'no USER at all: the base image decides', code: 'FROM debian:12\nRUN true\n' },
    { name: 'root only in a builder stage others copy from', code: 'FROM debian:12 AS build\nUSER root\nRUN make\nFROM debian:12\nCOPY --from=build /out /out\nUSER app\n' },
    { name: 'child stage switches away from root', code: 'FROM debian:12 AS base\nUSER root\nFROM base\nUSER 1000\n' },
    { name: 'ARG resolved to a non-root user', code: 'FROM debian:12\nARG U=app\nUSER ${U}\n' },
  ],
  invalid: [
    { code: 'FROM debian:12\nUSER root\n', errors: [{ line: 2, column: 1, endColumn: 10 }], unsafeOutput: 'FROM debian:12\nUSER root\nRUN groupadd --system app && useradd --system --gid app --no-create-home --shell /usr/sbin/nologin app\nUSER app\n' },
    { name: 'uid 0', code: 'FROM debian:12\nUSER 0:0\n', errors: 1, unsafeOutput: 'FROM debian:12\nUSER 0:0\nRUN groupadd --system app && useradd --system --gid app --no-create-home --shell /usr/sbin/nologin app\nUSER app\n' },
    { name: 'root:group', code: 'FROM debian:12\nUSER root:root\n', errors: 1, unsafeOutput: 'FROM debian:12\nUSER root:root\nRUN groupadd --system app && useradd --system --gid app --no-create-home --shell /usr/sbin/nologin app\nUSER app\n' },
    {
      name: 'the fix switches user before the CMD (alpine)',
      code: 'FROM alpine:3.20\nUSER root\nRUN apk add --no-cache curl\nCMD ["sh"]\n',
      errors: 1,
      unsafeOutput: 'FROM alpine:3.20\nUSER root\nRUN apk add --no-cache curl\nRUN addgroup -S app && adduser -S -D -H -G app app\nUSER app\nCMD ["sh"]\n',
    },
    { name: 'inherited by the final stage', code: 'FROM debian:12 AS base\nUSER root\nFROM base\nRUN true\n', errors: [{ line: 2 }] },
    { name: 'a stage nothing uses can be built with --target', code: 'FROM debian:12 AS dev\nUSER root\nFROM debian:12\nUSER app\n', errors: [{ line: 2 }] },
    { name: 'ARG resolved to root', code: 'FROM debian:12\nARG U=root\nUSER $U\n', errors: 1, unsafeOutput: 'FROM debian:12\nARG U=root\nUSER $U\nRUN groupadd --system app && useradd --system --gid app --no-create-home --shell /usr/sbin/nologin app\nUSER app\n' },
  ],
});
