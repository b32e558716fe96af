import rule from '../../rules/no-empty-continuation.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM alpine\nRUN apk add \\\n    curl\n',
    { name: 'a comment line inside a continuation is allowed', code: 'FROM alpine\nRUN apk add \\\n# curl is needed\n    curl\n' },
    { name: 'blank lines between instructions', code: 'FROM alpine\n\nRUN true\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine\nRUN apk add \\\n\n    curl\n',
      errors: [{ line: 4 }],
      output: 'FROM alpine\nRUN apk add \\\n    curl\n',
    },
    {
      name: 'two empty lines: one finding, on the last line of the instruction, both removed',
      code: 'FROM alpine\nRUN apk add \\\n\n    curl \\\n  \n    git\nRUN true\n',
      errors: [{ line: 6, column: 1, endColumn: 8, message: 'Empty continuation line in this instruction: remove it (a future BuildKit will reject it)' }],
      output: 'FROM alpine\nRUN apk add \\\n    curl \\\n    git\nRUN true\n',
    },
    {
      name: 'CRLF',
      code: 'FROM alpine\r\nRUN apk add \\\r\n\r\n    curl\r\n',
      errors: 1,
      output: 'FROM alpine\r\nRUN apk add \\\r\n    curl\r\n',
    },
  ],
});
