import rule from '../../rules/secret-in-env-or-arg.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'ARG foobar\nFROM debian\nENV foobar=barfoo KEYBOARD=us TOKENIZER=x\n',
    { name: 'public keys are not secrets', code: 'FROM debian\nARG GPG_PUBLIC_KEY\n' },
  ],
  invalid: [
    { code: 'ARG AWS_ACCESS_KEY_ID\nFROM debian\n', errors: [{ line: 1, column: 5, endColumn: 22, message: /RUN --mount=type=secret/ }] },
    { name: 'ENV, lower case, several pairs', code: 'FROM debian\nENV a=1 my_password=x db.auth=y\n', errors: 2 },
    { name: 'ONBUILD and a later stage', code: 'FROM debian AS a\nONBUILD ARG NPM_TOKEN\nFROM a\nENV API-KEY x\n', errors: 2 },
  ],
});
