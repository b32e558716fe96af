import rule from '../../rules/label-not-url.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

const options = { labelSchema: { 'org.example.value': 'url' } };

ruleTester(rule, {
  valid: [
    { code: 'FROM debian\nLABEL org.example.value="https://example.com/x"\n', options },
    { name: 'labels outside the schema', code: 'FROM debian\nLABEL other="example.com/x"\n', options },
    { name: 'no schema', code: 'FROM debian\nLABEL org.example.value="example.com/x"\n' },
    { name: 'empty is label-empty\'s finding', code: 'FROM debian\nLABEL org.example.value=""\n', options },
    { name: 'depends on an ARG without value', code: 'FROM debian\nARG V\nLABEL org.example.value=$V\n', options },
    { name: 'ARG-resolved valid value', code: 'FROM debian\nARG V="https://example.com/x"\nLABEL org.example.value=${V}\n', options },
    { code: 'FROM debian\nLABEL org.example.value="mailto:a@b.c"\n', options },
  ],
  invalid: [
    { code: 'FROM debian\nLABEL a=b org.example.value="example.com/x"\n', options, errors: [{ line: 2, column: 29, message: /`org.example.value`/ }] },
    { name: 'ARG-resolved', code: 'ARG V="example.com/x"\nFROM debian\nARG V\nLABEL org.example.value=$V\n', options, errors: 1 },
    { name: 'ONBUILD LABEL and multi-stage', code: 'FROM debian AS a\nONBUILD LABEL org.example.value="example.com/x"\nFROM a\nLABEL org.example.value example.com/x\n', options, errors: 2 },
    { code: 'FROM debian\nLABEL org.example.value="http//x"\n', options, errors: 1 },
  ],
});
