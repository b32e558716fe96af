import rule from '../../rules/label-not-semver.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

const options = { labelSchema: { 'org.example.value': 'semver' } };

ruleTester(rule, {
  valid: [
    { code: 'FROM debian\nLABEL org.example.value="2.0.1-rc.1+build.5"\n', options },
    { name: 'labels outside the schema', code: 'FROM debian\nLABEL other="v1.2"\n', options },
    { name: 'no schema', code: 'FROM debian\nLABEL org.example.value="v1.2"\n' },
    { name: 'empty is label-empty\'s finding', code: 'FROM debian\nLABEL org.example.value=""\n', options },
    { name: 'depends on an ARG without value', code: 'FROM debian\nARG V\nLABEL org.example.value=$V\n', options },
    { name: 'ARG-resolved valid value', code: 'FROM debian\nARG V="2.0.1-rc.1+build.5"\nLABEL org.example.value=${V}\n', options },
    { code: 'FROM debian\nLABEL org.example.value="1.0.0"\n', options },
  ],
  invalid: [
    { code: 'FROM debian\nLABEL a=b org.example.value="v1.2"\n', options, errors: [{ line: 2, column: 29, message: /`org.example.value`/ }] },
    { name: 'ARG-resolved', code: 'ARG V="v1.2"\nFROM debian\nARG V\nLABEL org.example.value=$V\n', options, errors: 1 },
    { name: 'ONBUILD LABEL and multi-stage', code: 'FROM debian AS a\nONBUILD LABEL org.example.value="v1.2"\nFROM a\nLABEL org.example.value v1.2\n', options, errors: 2 },
    { name: 'leading zero', code: 'FROM debian\nLABEL org.example.value="1.02.0"\n', options, errors: 1 },
  ],
});
