import rule from '../../rules/onbuild-invalid-trigger.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM debian\nONBUILD ADD anything anywhere\n',
    'FROM debian\nONBUILD RUN anything\n',
    'FROM debian\nONBUILD HEALTHCHECK NONE\n',
    'FROM debian:buster\nMAINTAINER "Some Guy"\n',
  ],
  invalid: [
    { code: 'ONBUILD ONBUILD RUN anything\n', errors: [{ line: 1, column: 9, endColumn: 16, message: /`ONBUILD` cannot/ }] },
    { code: 'ONBUILD FROM debian:buster\n', errors: [{ message: /`FROM` cannot/ }] },
    { code: 'FROM debian\nonbuild maintainer "BoJack Horseman"\n', errors: [{ line: 2, message: /`MAINTAINER` cannot/ }] },
  ],
});
