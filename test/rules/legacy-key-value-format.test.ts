import rule from '../../rules/legacy-key-value-format.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: ['FROM alpine\nENV A=1 B="two words"\nLABEL a=b\n', 'FROM alpine\nARG A\n'],
  invalid: [
    {
      code: 'FROM alpine\nENV VERSION 1.2\n',
      errors: [{ message: "Use 'ENV VERSION=<value>' instead of the legacy 'ENV VERSION <value>' form", line: 2, column: 1, endColumn: 16 }],
      output: 'FROM alpine\nENV VERSION="1.2"\n',
    },
    {
      name: 'value with spaces and a variable',
      code: 'FROM alpine\nENV PATH /opt/bin:$PATH  and more\nLABEL maintainer Jane Doe\n',
      errors: [{ line: 2 }, { line: 3 }],
      output: 'FROM alpine\nENV PATH="/opt/bin:$PATH  and more"\nLABEL maintainer="Jane Doe"\n',
    },
    {
      name: 'quotes in the value: no fix',
      code: 'FROM alpine\nENV GREETING "hello world"\n',
      errors: 1,
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM alpine\nONBUILD ENV A b\n',
      errors: 1,
      output: 'FROM alpine\nONBUILD ENV A="b"\n',
    },
  ],
});
