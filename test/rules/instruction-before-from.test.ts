import rule from '../../rules/instruction-before-from.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    '# syntax=docker/dockerfile:1\n# comment\nARG V=1\nFROM debian:${V}\nLABEL a=b\n',
  ],
  invalid: [
    { code: 'LABEL foo=bar\nFROM foo\n', errors: [{ line: 1, column: 1, endColumn: 6, message: /`LABEL` before the first `FROM`/ }] },
    { name: 'each one, ONBUILD counted once', code: 'ARG A\nENV X=1\nONBUILD RUN x\nFROM foo\n', errors: 2 },
  ],
});
