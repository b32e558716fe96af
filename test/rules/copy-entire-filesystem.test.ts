import rule from '../../rules/copy-entire-filesystem.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM a AS build\nFROM b\nCOPY / /\n',
    'FROM a AS build\nFROM b\nCOPY --from=build /app /\n',
    'FROM a AS build\nFROM b\nCOPY --from=build / /app\n',
    { name: 'an export stage built FROM scratch', code: 'FROM golang AS build\nFROM scratch AS out\nCOPY --from=build /bin/app /\nFROM b\nCOPY --from=out / /\n' },
  ],
  invalid: [
    { code: 'FROM a AS build\nFROM b\nCOPY --from=build / /\n', errors: [{ line: 3, column: 19, endColumn: 20 }] },
    { name: 'quoted, exec form, /. spelling', code: 'FROM b\nCOPY --from=build "/" "/"\nCOPY --from=x ["/.", "//"]\n', errors: 2 },
    { name: 'destination from an ARG', code: 'FROM b\nARG D=/\nCOPY --from=build / $D\n', errors: 1 },
  ],
});
