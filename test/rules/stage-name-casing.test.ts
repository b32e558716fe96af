import rule from '../../rules/stage-name-casing.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM alpine AS builder\n',
    'FROM alpine\n',
    { name: 'a reference in another case is not the definition', code: 'FROM alpine AS build\nFROM alpine\nCOPY --from=BUILD /a /a\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine AS BuilderBase\nFROM BuilderBase\n',
      errors: [{ message: "Stage name 'BuilderBase' should be lower case", line: 1, column: 16, endColumn: 27 }],
      output: 'FROM alpine AS builderbase\nFROM BuilderBase\n',
    },
    {
      name: 'multi-stage with a lower-case keyword',
      code: 'from alpine as a\nfrom debian as B\ncopy --from=a /x /x\n',
      errors: [{ line: 2 }],
      output: 'from alpine as a\nfrom debian as b\ncopy --from=a /x /x\n',
    },
  ],
});
