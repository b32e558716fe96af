import rule from '../../rules/expose-port-out-of-range.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM nginx:1.27\nEXPOSE 80 443/tcp 65535\n',
    'FROM nginx:1.27\nEXPOSE 40000-60000/udp\n',
    { name: 'unknown variable', code: 'FROM nginx:1.27\nEXPOSE ${PORT}\n' },
    { name: 'ARG resolved in range', code: 'FROM nginx:1.27\nARG PORT=8080\nEXPOSE $PORT\n' },
  ],
  invalid: [
    { code: 'FROM nginx:1.27\nEXPOSE 80 80000\n', errors: [{ line: 2, column: 11, endColumn: 16 }] },
    { name: 'range end', code: 'FROM nginx:1.27\nEXPOSE 40000-80000/tcp\n', errors: 1 },
    { name: 'ARG resolved out of range', code: 'FROM nginx:1.27\nARG PORT=70000\nEXPOSE ${PORT}/udp\n', errors: [{ message: 'Port `70000/udp` is outside the valid range 0-65535' }] },
    { name: 'ONBUILD', code: 'FROM nginx:1.27\nONBUILD EXPOSE 99999\n', errors: 1 },
  ],
});
