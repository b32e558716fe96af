import rule from '../../rules/stage-name-reserved.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: ['FROM foo:bar AS foobar\nFROM scratch\n'],
  invalid: [
    { code: 'FROM foo:bar AS scratch\n', errors: [{ line: 1, column: 17, endColumn: 24 }] },
    { name: 'any case, later stage', code: 'FROM a AS b\nfrom foo as Context\n', errors: [{ line: 2, message: /`Context`/ }] },
  ],
});
