import rule from '../../rules/cmd-shell-form.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM scratch\nCMD ["foo", "bar"]\nENTRYPOINT [ "foo", "bar" ]\n',
    'HEALTHCHECK CMD [ "foobar" ]\n',
    'HEALTHCHECK NONE\n',
    'CMD [ "/bin/sh", "-c", \\\n      "echo foo && \\\n       echo bar" \\\n    ]\n',
  ],
  invalid: [
    {
      code: 'FROM node:22\nCMD node server.js --port=8080\n',
      errors: [{ line: 2, column: 5, endColumn: 31, message: /`\["node", "server.js", "--port=8080"\]`/ }],
      output: 'FROM node:22\nCMD ["node", "server.js", "--port=8080"]\n',
    },
    {
      name: 'ENTRYPOINT without a CMD in the stage',
      code: 'FROM node:22\nENTRYPOINT /usr/local/bin/app serve\n',
      errors: 1,
      output: 'FROM node:22\nENTRYPOINT ["/usr/local/bin/app", "serve"]\n',
    },
    {
      name: 'ENTRYPOINT with a CMD in the stage: unsafe (CMD would become its arguments)',
      code: 'FROM node:22\nENTRYPOINT app\nCMD ["--help"]\n',
      errors: 1,
      unsafeOutput: 'FROM node:22\nENTRYPOINT ["app"]\nCMD ["--help"]\n',
    },
    {
      name: 'CMD under an ENTRYPOINT of the parent stage: unsafe',
      code: 'FROM node:22 AS base\nENTRYPOINT ["tini", "--"]\nFROM base\nCMD node app.js\n',
      errors: [{ line: 4 }],
      unsafeOutput: 'FROM node:22 AS base\nENTRYPOINT ["tini", "--"]\nFROM base\nCMD ["node", "app.js"]\n',
    },
    {
      name: 'HEALTHCHECK CMD, continuation line',
      code: 'FROM node:22\nHEALTHCHECK --interval=5s CMD /bin/check \\\n  --quiet\n',
      errors: 1,
      output: 'FROM node:22\nHEALTHCHECK --interval=5s CMD ["/bin/check", "--quiet"]\n',
    },
    {
      name: 'under a non-POSIX SHELL: unsafe',
      code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nCMD app.exe\n',
      errors: 1,
      unsafeOutput: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nCMD ["app.exe"]\n',
    },
    { name: 'shell syntax: no fix', code: 'FROM node:22\nCMD node app.js > /var/log/app.log 2>&1\n', errors: 1 },
    { name: 'variables: no fix', code: 'FROM node:22\nCMD node $APP\n', errors: 1 },
    { name: 'quotes: no fix', code: 'FROM node:22\nCMD echo "hello world"\n', errors: 1 },
    { name: 'a builtin: no fix', code: 'FROM node:22\nCMD exec node app.js\n', errors: 1 },
    { name: 'a comment inside the continuation: no fix', code: 'FROM node:22\nCMD node \\\n# the app\n  app.js\n', errors: 1 },
    {
      name: 'ONBUILD trigger',
      code: 'FROM node:22\nONBUILD CMD node app.js\n',
      errors: 1,
      output: 'FROM node:22\nONBUILD CMD ["node", "app.js"]\n',
    },
  ],
});
