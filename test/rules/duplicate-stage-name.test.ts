import rule from '../../rules/duplicate-stage-name.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM scratch AS build\nRUN foo\nFROM node AS run\nRUN baz\n',
    'FROM node AS build\nFROM build\nFROM build\n',
  ],
  invalid: [
    {
      code: 'FROM node AS foo\nRUN something\nFROM scratch AS foo\nRUN something\n',
      errors: [{ line: 3, column: 17, endColumn: 20, message: /line 1/ }],
    },
    { name: 'names compare case-insensitively', code: 'FROM node AS Build\nFROM node AS BUILD\nFROM node AS build\n', errors: 2 },
  ],
});
