import rule from '../../rules/label-not-spdx.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

const options = { labelSchema: { 'org.example.value': 'spdx' } };

ruleTester(rule, {
  valid: [
    { code: 'FROM debian\nLABEL org.example.value="Apache-2.0"\n', options },
    { name: 'labels outside the schema', code: 'FROM debian\nLABEL other="Apache 2"\n', options },
    { name: 'no schema', code: 'FROM debian\nLABEL org.example.value="Apache 2"\n' },
    { name: 'empty is label-empty\'s finding', code: 'FROM debian\nLABEL org.example.value=""\n', options },
    { name: 'depends on an ARG without value', code: 'FROM debian\nARG V\nLABEL org.example.value=$V\n', options },
    { name: 'ARG-resolved valid value', code: 'FROM debian\nARG V="Apache-2.0"\nLABEL org.example.value=${V}\n', options },
    { name: 'expression', code: 'FROM debian\nLABEL org.example.value="(MIT OR apache-2.0) AND GPL-2.0-or-later WITH Classpath-exception-2.0"\n', options },
    { name: 'LicenseRef', code: 'FROM debian\nLABEL org.example.value="LicenseRef-acme"\n', options },
  ],
  invalid: [
    { code: 'FROM debian\nLABEL a=b org.example.value="Apache 2"\n', options, errors: [{ line: 2, column: 29, message: /`org.example.value`/ }] },
    { name: 'ARG-resolved', code: 'ARG V="Apache 2"\nFROM debian\nARG V\nLABEL org.example.value=$V\n', options, errors: 1 },
    { name: 'ONBUILD LABEL and multi-stage', code: 'FROM debian AS a\nONBUILD LABEL org.example.value="Apache 2"\nFROM a\nLABEL org.example.value Apache 2\n', options, errors: 2 },
    { name: 'unbalanced', code: 'FROM debian\nLABEL org.example.value="(MIT"\n', options, errors: 1 },
    { name: 'unknown exception', code: 'FROM debian\nLABEL org.example.value="MIT WITH nothing"\n', options, errors: 1 },
    { name: 'deep nesting is rejected, not a crash', code: `FROM debian\nLABEL org.example.value="${'('.repeat(5000)}MIT${')'.repeat(5000)}"\n`, options, errors: 1 },
  ],
});
