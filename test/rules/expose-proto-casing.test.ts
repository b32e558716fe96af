import rule from '../../rules/expose-proto-casing.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: ['FROM nginx\nEXPOSE 80/tcp 53/udp 8080\n', 'FROM nginx\nARG P=TCP\nEXPOSE 80/$P\n'],
  invalid: [
    {
      code: 'FROM nginx\nEXPOSE 80/TCP 53/Udp\n',
      errors: [{ message: "Protocol 'TCP' in EXPOSE should be lower case: 'tcp'", line: 2, column: 11, endColumn: 14 }, { line: 2, column: 18 }],
      unsafeOutput: 'FROM nginx\nEXPOSE 80/tcp 53/udp\n',
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM nginx\nONBUILD EXPOSE 80/TCP\n',
      errors: 1,
      unsafeOutput: 'FROM nginx\nONBUILD EXPOSE 80/tcp\n',
    },
  ],
});
