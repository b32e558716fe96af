import rule from '../../rules/label-missing.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

const options = { labelSchema: { source: 'url' } };

ruleTester(rule, {
  valid: [
    { code: 'FROM debian\nLABEL source="https://x"\n', options },
    { name: 'no schema', code: 'FROM debian\n' },
    { name: 'inherited from the base stage', code: 'FROM debian AS base\nLABEL source="https://x"\nFROM base\n', options },
    { name: 'a labelled stage builds on it', code: 'FROM debian AS base\nFROM base\nLABEL source="https://x"\n', options },
    { name: 'a labelled stage copies from it, through another stage', code: 'FROM golang AS build\nFROM build AS test\nFROM debian\nCOPY --from=test /a /a\nLABEL source="https://x"\n', options },
    { name: 'key from an ARG', code: 'ARG K=source\nFROM debian\nARG K\nLABEL $K=https://x\n', options },
  ],
  invalid: [
    { code: 'FROM debian\nRUN true\n', options, errors: [{ line: 1, column: 1, endColumn: 12, message: 'Label `source` is missing' }] },
    { name: 'ONBUILD LABEL labels the child, not this image', code: 'FROM debian\nONBUILD LABEL source="https://x"\n', options, errors: 1 },
    { name: 'two targets, one labelled', code: 'FROM debian AS base\nFROM base\nLABEL source="https://x"\nFROM base\n', options, errors: [{ line: 4 }] },
    { name: 'one finding per missing label', code: 'FROM debian\n', options: { labelSchema: { a: 'text', b: 'text' } }, errors: 2 },
  ],
});
