import rule from '../../rules/multiple-cmd.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM debian AS a\nCMD bash\nFROM debian\nCMD other\n',
    { name: 'ONBUILD CMD is for the child', code: 'FROM debian\nONBUILD CMD a\nCMD b\n' },
  ],
  invalid: [
    { code: 'FROM debian\nCMD bash\nRUN foo\nCMD ["x"]\n', errors: [{ line: 2, column: 1, endColumn: 4 }] },
    { name: 'all but the last, per stage', code: 'FROM debian AS a\nCMD 1\nCMD 2\nCMD 3\nFROM a\nCMD 4\n', errors: [{ line: 2 }, { line: 3 }] },
  ],
});
