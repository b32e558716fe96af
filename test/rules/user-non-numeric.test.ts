import rule from '../../rules/user-non-numeric.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM debian\nUSER 10001\n',
    'FROM debian\nUSER 10001:10001\n',
    { name: 'unknown ARG', code: 'ARG APP_UID\nFROM debian\nUSER ${APP_UID}\n' },
    { name: 'numeric ARG', code: 'FROM debian\nARG UID=1000\nUSER $UID:$UID\n' },
  ],
  invalid: [
    { code: 'FROM debian\nUSER app\n', errors: [{ line: 2, column: 6, endColumn: 9, message: /`app`/ }] },
    { code: 'FROM debian\nUSER 1000:staff\n', errors: [{ message: /`staff`/ }] },
    { name: 'ARG-resolved, ONBUILD', code: 'FROM debian\nARG U=app\nONBUILD USER $U\n', errors: 1 },
  ],
});
