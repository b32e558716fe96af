import rule from '../../rules/label-not-rfc3339.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

const options = { labelSchema: { 'org.example.value': 'rfc3339' } };

ruleTester(rule, {
  valid: [
    { code: 'FROM debian\nLABEL org.example.value="2021-03-10T10:26:33.564595127+01:00"\n', options },
    { name: 'labels outside the schema', code: 'FROM debian\nLABEL other="2021-03-10"\n', options },
    { name: 'no schema', code: 'FROM debian\nLABEL org.example.value="2021-03-10"\n' },
    { name: 'empty is label-empty\'s finding', code: 'FROM debian\nLABEL org.example.value=""\n', options },
    { name: 'depends on an ARG without value', code: 'FROM debian\nARG V\nLABEL org.example.value=$V\n', options },
    { name: 'ARG-resolved valid value', code: 'FROM debian\nARG V="2021-03-10T10:26:33.564595127+01:00"\nLABEL org.example.value=${V}\n', options },
    { code: 'FROM debian\nLABEL org.example.value="2024-02-29T00:00:00Z"\n', options },
  ],
  invalid: [
    { code: 'FROM debian\nLABEL a=b org.example.value="2021-03-10"\n', options, errors: [{ line: 2, column: 29, message: /`org.example.value`/ }] },
    { name: 'ARG-resolved', code: 'ARG V="2021-03-10"\nFROM debian\nARG V\nLABEL org.example.value=$V\n', options, errors: 1 },
    { name: 'ONBUILD LABEL and multi-stage', code: 'FROM debian AS a\nONBUILD LABEL org.example.value="2021-03-10"\nFROM a\nLABEL org.example.value 2021-03-10\n', options, errors: 2 },
    { name: 'no such day', code: 'FROM debian\nLABEL org.example.value="2023-02-29T00:00:00Z"\n', options, errors: 1 },
    { name: 'no offset', code: 'FROM debian\nLABEL org.example.value="2023-02-01T00:00:00"\n', options, errors: 1 },
  ],
});
