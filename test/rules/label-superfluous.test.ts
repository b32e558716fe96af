import rule from '../../rules/label-superfluous.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

const options = { labelSchema: { required: 'text' }, strictLabels: true };

ruleTester(rule, {
  valid: [
    { code: 'FROM debian\nLABEL required="x"\n', options },
    { name: 'strict labels off', code: 'FROM debian\nLABEL other="x"\n', options: { labelSchema: { required: 'text' } } },
    { name: 'key from an ARG', code: 'FROM debian\nARG K=required\nLABEL $K=x\n', options },
  ],
  invalid: [
    { code: 'FROM debian\nLABEL required="x" other="y"\n', options, errors: [{ line: 2, column: 20, endColumn: 25, message: /`other`/ }] },
    { name: 'multi-stage and ONBUILD', code: 'FROM debian AS a\nLABEL a=1\nFROM a\nONBUILD LABEL b=2\n', options, errors: 2 },
  ],
});
