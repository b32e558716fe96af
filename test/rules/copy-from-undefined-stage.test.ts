import rule from '../../rules/copy-from-undefined-stage.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM scratch AS build\nRUN foo\nFROM node\nCOPY --from=build foo .\n',
    'FROM scratch AS Build\nFROM node\nCOPY --from=BUILD foo .\n',
    'FROM scratch\nFROM node\nCOPY --from=0 foo .\n',
    'COPY --from=haskell:latest bar .\n',
    'FROM node\nCOPY --from=ghcr.io/org/tool /bin/tool /usr/bin/\n',
    { name: 'stage name from a global ARG', code: 'ARG FROM_STAGE=build\nFROM scratch AS build\nFROM node\nARG FROM_STAGE\nCOPY --from=$FROM_STAGE a .\n' },
    { name: 'own stage is another rule', code: 'FROM node AS foo\nCOPY --from=foo bar .\n' },
    { name: 'ONBUILD refers to the child build', code: 'FROM node\nONBUILD COPY --from=assets /a /a\n' },
  ],
  invalid: [
    { code: 'COPY --from=foo bar .\n', errors: [{ line: 1, column: 13, endColumn: 16 }] },
    { name: 'alias defined after', code: 'FROM scratch\nCOPY --from=build foo .\nFROM node AS build\n', errors: [{ line: 2, message: /further down/ }] },
    { name: 'index not defined yet', code: 'COPY --from=0 bar .\n', errors: 1 },
    { name: 'index beyond the stages', code: 'FROM scratch\nFROM node\nCOPY --from=5 foo .\n', errors: 1 },
    { name: 'a typo in a stage name', code: 'FROM golang AS build\nFROM debian\nCOPY --from=biuld /app /app\n', errors: [{ message: /names no stage/ }] },
  ],
});
