import rule from '../../rules/invalid-definition-description.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

const on = { rules: { 'invalid-definition-description': 'warning' as const } };

ruleTester(rule, {
  valid: [
    { code: '# base is a stage for compiling source\nFROM scratch AS base\n# VERSION This is the version number.\nARG VERSION=1\n', options: on },
    { name: 'a blank line separates the comment', code: '# a comment\n\nFROM scratch AS base\n', options: on },
    { name: 'no stage name', code: '# a comment\nFROM scratch\n', options: on },
    { name: 'pragmas are not descriptions', code: 'FROM scratch\n# hadolint ignore=DL3000\nARG A=1\n', options: on },
    { name: 'one of several ARG names', code: 'FROM scratch\n# B is the second\nARG A=1 B=2\n', options: on },
    { name: 'off by default (experimental in BuildKit)', code: '# a non-descriptive comment\nFROM scratch AS base\n', options: { enableAll: false } },
  ],
  invalid: [
    {
      code: '# a non-descriptive comment\nFROM scratch AS base\n\n# another non-descriptive comment\nARG VERSION=1\n',
      options: on,
      errors: [
        { message: "A comment right above stage 'base' is read as its description and should read '# base <description>'; add a blank line if it is not one", line: 1, column: 1 },
        { message: /ARG 'VERSION'.*'# VERSION <description>'/, line: 4 },
      ],
    },
    {
      name: 'the line closest to the instruction decides',
      code: 'FROM scratch\n# VERSION of the tool\n# (see the release notes)\nARG VERSION=1\n',
      options: on,
      errors: [{ line: 3 }],
    },
  ],
});
