import rule from '../../rules/copy-relative-without-workdir.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'COPY bla.sh /usr/local/bin/blubb.sh\n',
    'COPY bla.sh "/usr/local/bin/blubb.sh"\n',
    'COPY bla.sh c:\\system32\\blubb.sh\n',
    'COPY bla.sh c:/system32/blubb.sh\n',
    'FROM scratch\nWORKDIR /usr\nCOPY bla.sh blubb.sh\n',
    'COPY src.sh ${SRC_BASE_ENV}\n',
    { name: 'destination from an ENV', code: 'FROM debian\nENV APP=/opt/app\nCOPY a.sh $APP/\n' },
    { name: 'WORKDIR of the parent stage, two levels up', code: 'FROM debian AS base1\nWORKDIR /usr\nFROM base1 AS base2\nRUN foo\nFROM base2\nCOPY foo bar\n' },
    { name: 'both in ONBUILD', code: 'FROM debian:buster\nONBUILD WORKDIR /usr/local/lib\nONBUILD COPY foo bar\n' },
    { name: 'ONBUILD COPY runs after the whole stage, WORKDIR included', code: 'FROM debian\nONBUILD COPY foo bar\nWORKDIR /app\n' },
  ],
  invalid: [
    { code: 'COPY bla.sh blubb.sh\n', errors: [{ line: 1, column: 13, endColumn: 21 }] },
    { code: 'COPY bla.sh "blubb.sh"\n', errors: 1 },
    { name: 'WORKDIR of an unrelated stage', code: 'FROM debian AS stage1\nWORKDIR /usr\nFROM debian\nCOPY foo bar\n', errors: [{ line: 4 }] },
    { name: 'WORKDIR after the COPY', code: 'FROM debian\nCOPY foo .\nWORKDIR /app\n', errors: [{ line: 2 }] },
    { name: 'ADD too, destination from an ARG', code: 'FROM debian\nARG DEST=app/\nADD foo $DEST\n', errors: [{ message: /`app\/`/ }] },
    { name: 'ONBUILD COPY without any WORKDIR', code: 'FROM debian\nONBUILD COPY foo bar\n', errors: 1 },
  ],
});
