import rule from '../../rules/undefined-variable.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM alpine\nARG foo\nCOPY $foo /app/\n',
    'FROM alpine\nENV A=1\nENV B=${A}/x\nWORKDIR /opt/$B\n',
    { name: 'RUN is resolved by the shell', code: 'FROM alpine\nRUN echo $nothing\nCMD echo $nothing\n' },
    { name: 'predefined proxy and platform args', code: 'FROM alpine\nENV P=$http_proxy T=$TARGETARCH\n' },
    { name: 'PATH comes from the base image', code: 'FROM alpine\nENV PATH=/opt/bin:$PATH\n' },
    { name: 'upper-case names may come from the base image ENV', code: 'FROM eclipse-temurin:21\nENV JAVA=$JAVA_HOME/bin/java\n' },
    { name: 'an image variable two edits from PATH is not a typo', code: 'FROM golang:1.23\nWORKDIR $GOPATH/src\n' },
    { name: 'every stage has a PATH, scratch too', code: 'FROM scratch\nENV PATH=/bin:$PATH\n' },
    { name: 'a stage inherits the ENV of the stage it builds on', code: 'FROM alpine AS base\nENV dir=/srv\nFROM base\nWORKDIR $dir\n' },
    { name: 'ARG defaults see earlier names of the same ARG', code: 'FROM alpine\nARG a=1 b=$a\n' },
    { name: 'escaped dollar', code: 'FROM alpine\nLABEL price=\\$foo\n' },
    { name: 'ONBUILD triggers expand in the child image', code: 'FROM alpine\nONBUILD COPY $src /app\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine AS base\nCOPY $foo .\n',
      errors: [{ message: "Variable '$foo' is not defined by any ARG or ENV before this line", line: 2, column: 6, endColumn: 10 }],
    },
    {
      name: 'did you mean, for a typo of PATH',
      code: 'FROM alpine\nENV PATH=$PAHT:/app/bin\n',
      errors: [{ message: "Variable '$PAHT' is not defined by any ARG or ENV before this line (did you mean $PATH?)", column: 10, endColumn: 15 }],
    },
    {
      name: 'did you mean, for a declared ARG',
      code: 'FROM alpine\nARG version=1\nLABEL v=${verison}\n',
      errors: [{ message: /did you mean \$version\?/, line: 3, column: 9, endColumn: 19 }],
    },
    {
      name: 'a global ARG is not visible in a stage unless re-declared',
      code: 'ARG user=app\nFROM alpine\nUSER $user\n',
      errors: [{ line: 3, column: 6 }],
    },
    {
      name: 'ENV is not visible before its line; every name of one ENV sees the scope before it',
      code: 'FROM alpine\nWORKDIR /srv/$app\nENV app=x other=$app\n',
      errors: [{ line: 2 }, { line: 3, column: 17 }],
    },
    {
      name: 'upper case is reported in a scratch stage',
      code: 'FROM scratch\nCOPY $SRC /\n',
      errors: 1,
    },
    {
      name: 'flags: COPY --chown and RUN --mount',
      code: 'FROM alpine\nCOPY --chown=$owner a b\nRUN --mount=type=cache,target=$cache true\n',
      errors: [{ line: 2, column: 14 }, { line: 3, column: 31 }],
    },
    {
      name: 'EXPOSE, VOLUME and STOPSIGNAL',
      code: 'FROM alpine\nEXPOSE $port\nVOLUME $vol\nSTOPSIGNAL $sig\n',
      errors: 3,
    },
  ],
});
