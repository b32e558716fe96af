import rule from '../../rules/apk-no-cache.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
    'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add -U curl\n',
    'FROM alpine:3.20\nRUN --mount=type=tmpfs,target=/var/cache/apk apk add curl\n',
  ],
  invalid: [
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
