import rule from '../../rules/from-as-casing.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM alpine AS build\n',
    'from alpine as build\n',
    'FROM alpine\n',
    { name: 'mixed-case FROM is another rule\'s concern', code: 'From alpine as build\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12 as build\n',
      errors: [{ message: "'as' and 'FROM' keywords' casing do not match: write 'AS'", line: 1, column: 16, endColumn: 18 }],
      output: 'FROM debian:12 AS build\n',
    },
    {
      name: 'lower-case from, upper-case AS',
      code: 'from debian:12 AS build\nfrom build As test\n',
      errors: [{ line: 1 }, { line: 2 }],
      output: 'from debian:12 as build\nfrom build as test\n',
    },
    {
      name: 'continuation before AS',
      code: 'FROM debian:12 \\\n  as build\n',
      errors: [{ line: 2, column: 3 }],
      output: 'FROM debian:12 \\\n  AS build\n',
    },
  ],
});
