import rule from '../../rules/copy-dest-not-directory.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM debian:bookworm\nCOPY foo bar\n',
    'FROM debian:bookworm\nCOPY foo bar baz/\n',
    'FROM debian:bookworm\nCOPY foo bar "baz/"\n',
    'FROM debian:bookworm\nCOPY ["a", "b", "/dst/"]\n',
    { name: 'destination from an ARG', code: 'FROM debian:bookworm\nARG DEST=/app/\nCOPY a b $DEST\n' },
    { name: 'unknown destination', code: 'FROM debian:bookworm\nARG DEST\nCOPY a b $DEST\n' },
  ],
  invalid: [
    { code: 'FROM debian:bookworm\nCOPY foo bar baz\n', errors: [{ line: 2, column: 14, endColumn: 17, message: /`baz\/`/ }] },
    { code: 'FROM debian:bookworm\nCOPY foo bar "baz"\n', errors: 1 },
    { name: 'ADD as well', code: 'FROM debian:bookworm\nADD a.txt b.txt /opt\n', errors: 1 },
    { name: 'exec form', code: 'FROM debian:bookworm\nCOPY ["a", "b", "/dst"]\n', errors: 1 },
    { name: 'destination from an ARG', code: 'FROM debian:bookworm\nARG DEST=/app\nCOPY a b ${DEST}\n', errors: [{ message: /`\/app\/`/ }] },
    { name: 'two heredocs', code: 'FROM debian:bookworm\nCOPY <<one <<two /etc\n1\none\n2\ntwo\n', errors: 1 },
    { name: 'ONBUILD trigger', code: 'FROM debian:bookworm\nONBUILD COPY a b /app\n', errors: 1 },
  ],
});
