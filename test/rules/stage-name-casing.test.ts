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
      name: 'the rename reaches every reference in the file (Buildah matches names case-sensitively)',
      code: 'FROM alpine AS BuilderBase\nFROM BuilderBase\nCOPY --from=BuilderBase /a /a\nRUN --mount=type=bind,from=BuilderBase,target=/b ls /b\n',
      errors: [{ message: "Stage name 'BuilderBase' should be lower case", line: 1, column: 16, endColumn: 27 }],
      unsafeOutput: 'FROM alpine AS builderbase\nFROM builderbase\nCOPY --from=builderbase /a /a\nRUN --mount=type=bind,from=builderbase,target=/b ls /b\n',
    },
    {
      name: 'multi-stage with a lower-case keyword',
      code: 'from alpine as a\nfrom debian as B\ncopy --from=a /x /x\n',
      errors: [{ line: 2 }],
      unsafeOutput: 'from alpine as a\nfrom debian as b\ncopy --from=a /x /x\n',
    },
    {
      name: 'no fix when a reference is spelt with a variable',
      code: 'ARG S=Build\nFROM alpine AS Build\nFROM alpine\nARG S\nCOPY --from=${S} /a /a\nCOPY --from=Build /b /b\n',
      errors: [{ line: 2 }],
    },
    {
      name: 'an ONBUILD trigger names a stage of the child build: left as it is',
      code: 'FROM alpine AS Base\nONBUILD COPY --from=Base /a /a\n',
      errors: [{ line: 1 }],
      unsafeOutput: 'FROM alpine AS base\nONBUILD COPY --from=Base /a /a\n',
    },
  ],
});
