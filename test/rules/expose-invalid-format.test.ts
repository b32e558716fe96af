import rule from '../../rules/expose-invalid-format.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: ['FROM nginx\nEXPOSE 80 443/tcp 8000-8010\n'],
  invalid: [
    {
      code: 'FROM nginx\nEXPOSE 127.0.0.1:8080:80\n',
      errors: [{ message: "EXPOSE should not name an IP address or host port: '127.0.0.1:8080:80' exposes only '80'", line: 2, column: 8, endColumn: 25 }],
      unsafeOutput: 'FROM nginx\nEXPOSE 80\n',
    },
    {
      name: 'host port mapping with protocol',
      code: 'FROM nginx\nEXPOSE 8080:80/udp 443\n',
      errors: 1,
      unsafeOutput: 'FROM nginx\nEXPOSE 80/udp 443\n',
    },
    {
      name: 'a form that is not a plain mapping gets no fix',
      code: 'FROM nginx\nEXPOSE a:b:c:d\n',
      errors: 1,
    },
  ],
});
