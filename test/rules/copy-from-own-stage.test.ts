import rule from '../../rules/copy-from-own-stage.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM scratch AS build\nRUN foo\nFROM node AS run\nCOPY --from=build foo .\n',
    'FROM scratch\nFROM node\nCOPY --from=0 foo .\n',
    { name: 'ONBUILD refers to the child build', code: 'FROM node AS foo\nONBUILD COPY --from=foo /a /a\n' },
  ],
  invalid: [
    { code: 'FROM node AS foo\nCOPY --from=foo bar .\n', errors: [{ line: 2, column: 13, endColumn: 16 }] },
    { name: 'by index', code: 'FROM scratch\nFROM node\nCOPY --from=1 foo .\n', errors: 1 },
    { name: 'other casing', code: 'FROM node AS Foo\nCOPY --from=fOO bar .\n', errors: 1 },
    { name: 'name from an ARG', code: 'FROM node AS app\nARG SELF=app\nCOPY --from=${SELF} bar .\n', errors: 1 },
  ],
});
