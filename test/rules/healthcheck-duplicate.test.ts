import rule from '../../rules/healthcheck-duplicate.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/\n',
    { name: 'one per stage', code: 'FROM nginx:1.27\nHEALTHCHECK CMD a\nFROM nginx:1.27\nHEALTHCHECK CMD b\n' },
    { name: 'ONBUILD belongs to the child', code: 'FROM nginx:1.27\nHEALTHCHECK CMD a\nONBUILD HEALTHCHECK CMD b\n' },
  ],
  invalid: [
    {
      code: 'FROM nginx:1.27\nHEALTHCHECK CMD a\nHEALTHCHECK CMD b\n',
      errors: [{ line: 3 }],
      output: 'FROM nginx:1.27\nHEALTHCHECK CMD b\n',
    },
    {
      name: 'three, with a continuation line, CRLF',
      code: 'FROM nginx:1.27\r\nHEALTHCHECK --interval=5s \\\r\n  CMD a\r\nHEALTHCHECK NONE\r\nHEALTHCHECK CMD c\r\n',
      errors: [{ line: 4 }, { line: 5 }],
      output: 'FROM nginx:1.27\r\nHEALTHCHECK CMD c\r\n',
    },
  ],
});
