import rule from '../../rules/apk-pin-versions.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\nRUN apk add --no-cache flex=2.6.4-r1 "python3<3.13" git~2.45\n',
    'FROM alpine:3.20\nRUN apk add --virtual .build-deps gcc=13.2.1-r0\n',
    'FROM alpine:3.20\nRUN apk add --repository https://dl-cdn.alpinelinux.org/alpine/edge/testing flow=0.78.0-r0\n',
    'FROM alpine:3.20\nRUN apk add ./local-1.0.apk\n',
  ],
  invalid: [
    { code: 'FROM alpine:3.20\nRUN apk add flex\n', errors: [{ line: 2, column: 13, endColumn: 17 }] },
    { name: 'ONBUILD', code: 'FROM alpine:3.20\nONBUILD RUN apk add flex\n', errors: 1 },
    { name: 'one finding per command', code: 'FROM alpine:3.20\nRUN apk add --no-cache curl git bash\n', errors: [{ column: 24, endColumn: 37, message: 'Pin the versions of `curl`, `git` and `bash`: `apk add curl=<version>`' }] },
    { name: 'heredoc', code: 'FROM alpine:3.20\nRUN <<EOF\napk add --no-cache flex libffi=3.4\nEOF\n', errors: [{ line: 3, message: /`flex`/ }] },
  ],
});
