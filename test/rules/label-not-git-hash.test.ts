import rule from '../../rules/label-not-git-hash.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

const options = { labelSchema: { 'org.example.value': 'hash' } };

ruleTester(rule, {
  valid: [
    { code: 'FROM debian\nLABEL org.example.value="2dbfae9"\n', options },
    { name: 'labels outside the schema', code: 'FROM debian\nLABEL other="main"\n', options },
    { name: 'no schema', code: 'FROM debian\nLABEL org.example.value="main"\n' },
    { name: 'empty is label-empty\'s finding', code: 'FROM debian\nLABEL org.example.value=""\n', options },
    { name: 'depends on an ARG without value', code: 'FROM debian\nARG V\nLABEL org.example.value=$V\n', options },
    { name: 'ARG-resolved valid value', code: 'FROM debian\nARG V="2dbfae9"\nLABEL org.example.value=${V}\n', options },
    { code: 'FROM debian\nLABEL org.example.value="43c572f1272b6b3171dd1db9e41b7027128ce080"\n', options },
  ],
  invalid: [
    { code: 'FROM debian\nLABEL a=b org.example.value="main"\n', options, errors: [{ line: 2, column: 29, message: /`org.example.value`/ }] },
    { name: 'ARG-resolved', code: 'ARG V="main"\nFROM debian\nARG V\nLABEL org.example.value=$V\n', options, errors: 1 },
    { name: 'ONBUILD LABEL and multi-stage', code: 'FROM debian AS a\nONBUILD LABEL org.example.value="main"\nFROM a\nLABEL org.example.value main\n', options, errors: 2 },
    { name: 'too long for SHA-1', code: 'FROM debian\nLABEL org.example.value="43c572f1272b6b3171dd1db9e41b7027128ce0801"\n', options, errors: 1 },
  ],
});
