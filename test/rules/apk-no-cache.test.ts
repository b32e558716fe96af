import rule from '../../rules/apk-no-cache.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
    'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add -U curl\n',
    'FROM alpine:3.20\nRUN --mount=type=tmpfs,target=/var/cache/apk apk add curl\n',
    { name: '--no-network fetches no index', code: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc && apk add --no-network --virtual .rundeps so:libc.musl-x86_64.so.1\n' },
    { name: 'the same RUN removes the index', code: 'FROM alpine:3.20\nRUN apk -U upgrade && apk add curl && rm -rf /var/cache/apk/* /tmp/*\n' },
    { name: 'a build stage the image only copies from', code: 'FROM alpine:3.20 AS build\nRUN apk add gcc musl-dev\nFROM scratch\nCOPY --from=build /usr/bin/gcc /gcc\n' },
  ],
  invalid: [
    {
      name: 'a removal before the add does not count',
      code: 'FROM alpine:3.20\nRUN rm -rf /var/cache/apk/* && apk add curl\n',
      errors: 1,
      output: 'FROM alpine:3.20\nRUN rm -rf /var/cache/apk/* && apk add --no-cache curl\n',
    },
    {
      name: 'a stage the final one is built FROM ships its layers',
      code: 'FROM alpine:3.20 AS base\nRUN apk add curl\nFROM base\nCMD ["curl"]\n',
      errors: 1,
      output: 'FROM alpine:3.20 AS base\nRUN apk add --no-cache curl\nFROM base\nCMD ["curl"]\n',
    },
    {
      name: 'hadolint preset: DL3019 reports a build stage too',
      code: 'FROM alpine:3.20 AS build\nRUN apk add gcc\nFROM scratch\n',
      options: { preset: 'hadolint' },
      errors: 1,
      output: 'FROM alpine:3.20 AS build\nRUN apk add --no-cache gcc\nFROM scratch\n',
    },
    {
      name: 'hadolint preset: DL3019 reports the add whatever follows it',
      code: 'FROM alpine:3.20\nRUN apk add -U curl && rm -rf /var/cache/apk/*\n',
      options: { preset: 'hadolint' },
      errors: 1,
      output: 'FROM alpine:3.20\nRUN apk add --no-cache -U curl && rm -rf /var/cache/apk/*\n',
    },
    {
      code: 'FROM alpine:3.20\nRUN apk update && apk add curl\n',
      errors: [{ line: 2, column: 19, endColumn: 31 }],
      output: 'FROM alpine:3.20\nRUN apk update && apk add --no-cache curl\n',
    },
    {
      name: 'cache mount elsewhere',
      code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/foo apk add -U curl\n',
      errors: 1,
      output: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/foo apk add --no-cache -U curl\n',
    },
    {
      name: 'ONBUILD',
      code: 'FROM alpine:3.20\nONBUILD RUN apk add curl\n',
      errors: 1,
      output: 'FROM alpine:3.20\nONBUILD RUN apk add --no-cache curl\n',
    },
    {
      name: 'heredoc',
      code: 'FROM alpine:3.20\nRUN <<EOF\napk add curl\nEOF\n',
      errors: [{ line: 3 }],
      output: 'FROM alpine:3.20\nRUN <<EOF\napk add --no-cache curl\nEOF\n',
    },
  ],
});
