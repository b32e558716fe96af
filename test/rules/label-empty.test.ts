import rule from '../../rules/label-empty.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

const options = { labelSchema: { title: 'text', source: 'url' } };

ruleTester(rule, {
  valid: [
    { code: 'FROM debian\nLABEL title="x"\n', options },
    { code: 'FROM debian\nLABEL other=""\n', options },
    { name: 'no schema', code: 'FROM debian\nLABEL title=""\n' },
  ],
  invalid: [
    { code: 'FROM debian\nLABEL title="" source=\'\'\n', options, errors: [{ line: 2, column: 7, endColumn: 15 }, { column: 16 }] },
    { name: 'empty after ARG substitution, ONBUILD', code: 'FROM debian\nARG T=""\nONBUILD LABEL title=$T\n', options, errors: 1 },
  ],
});
