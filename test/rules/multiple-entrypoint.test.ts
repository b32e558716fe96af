import rule from '../../rules/multiple-entrypoint.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM debian AS a\nENTRYPOINT ["a"]\nFROM debian\nENTRYPOINT ["b"]\n',
    { name: 'ONBUILD ENTRYPOINT is for the child', code: 'FROM debian\nONBUILD ENTRYPOINT a\nENTRYPOINT b\n' },
  ],
  invalid: [
    { code: 'FROM debian\nENTRYPOINT bash\nRUN foo\nENTRYPOINT another\n', errors: [{ line: 2, column: 1, endColumn: 11 }] },
    { name: 'per stage', code: 'FROM debian AS a\nENTRYPOINT 1\nENTRYPOINT 2\nFROM a\nENTRYPOINT 3\nentrypoint 4\n', errors: [{ line: 2 }, { line: 5 }] },
  ],
});
