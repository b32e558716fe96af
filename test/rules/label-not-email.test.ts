import rule from '../../rules/label-not-email.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

const options = { labelSchema: { 'org.example.value': 'email' } };

ruleTester(rule, {
  valid: [
    { code: 'FROM debian\nLABEL org.example.value="jane.doe@example.com"\n', options },
    { name: 'labels outside the schema', code: 'FROM debian\nLABEL other="Jane Doe"\n', options },
    { name: 'no schema', code: 'FROM debian\nLABEL org.example.value="Jane Doe"\n' },
    { name: 'empty is label-empty\'s finding', code: 'FROM debian\nLABEL org.example.value=""\n', options },
    { name: 'depends on an ARG without value', code: 'FROM debian\nARG V\nLABEL org.example.value=$V\n', options },
    { name: 'ARG-resolved valid value', code: 'FROM debian\nARG V="jane.doe@example.com"\nLABEL org.example.value=${V}\n', options },
    { code: 'FROM debian\nLABEL org.example.value="\\"j d\\"@[127.0.0.1]"\n', options },
    { name: 'name-addr form', code: 'FROM debian\nLABEL org.example.value="Jane Q. Doe <jane@example.com>"\n', options },
  ],
  invalid: [
    { code: 'FROM debian\nLABEL a=b org.example.value="Jane Doe"\n', options, errors: [{ line: 2, column: 29, message: /`org.example.value`/ }] },
    { name: 'ARG-resolved', code: 'ARG V="Jane Doe"\nFROM debian\nARG V\nLABEL org.example.value=$V\n', options, errors: 1 },
    { name: 'ONBUILD LABEL and multi-stage', code: 'FROM debian AS a\nONBUILD LABEL org.example.value="Jane Doe"\nFROM a\nLABEL org.example.value Jane Doe\n', options, errors: 2 },
    { name: 'broken angle brackets', code: 'FROM debian\nLABEL org.example.value="Jane <jane@example.com"\n', options, errors: 1 },
    { name: 'two @', code: 'FROM debian\nLABEL org.example.value="a@b@c"\n', options, errors: 1 },
  ],
});
