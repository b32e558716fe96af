import rule from '../../rules/cmd-shell-form.ts';
import { DIGEST_A, ROOT_CONFIG, registryImage, staticLookup } from '../helpers/image-lookup.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

// base images whose config sets a Shell (a SHELL instruction in their Dockerfile), and one that does not
const images = staticLookup({
  'acme/bash:1': registryImage(DIGEST_A, { ...ROOT_CONFIG, shell: ['/bin/bash', '-o', 'pipefail', '-c'] }),
  'acme/sh:1': registryImage(DIGEST_A, { ...ROOT_CONFIG, shell: ['/bin/sh', '-c'] }),
  'node:22': registryImage(DIGEST_A),
});

ruleTester(rule, {
  valid: [
    'FROM scratch\nCMD ["foo", "bar"]\nENTRYPOINT [ "foo", "bar" ]\n',
    'HEALTHCHECK CMD [ "foobar" ]\n',
    'HEALTHCHECK NONE\n',
    'CMD [ "/bin/sh", "-c", \\\n      "echo foo && \\\n       echo bar" \\\n    ]\n',
    { name: 'a HEALTHCHECK probe in shell form, as the Docker docs write it', code: 'FROM nginx:1.27\nHEALTHCHECK --interval=30s CMD curl -f http://localhost/ || exit 1\n' },
    { name: 'a SHELL chosen for the stage', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nCMD .\\start.ps1 -Port $env:PORT\n' },
    { name: 'a shell declared by a pragma', code: '# hadolint shell=pwsh\nFROM mcr.microsoft.com/powershell:7.4-nanoserver\nENTRYPOINT ./run.ps1\n' },
    { name: 'expands a variable at run time: needs the shell', code: 'FROM node:22\nENV BIN=app\nCMD /bin/$BIN\n' },
    { name: 'redirects: needs the shell', code: 'FROM python:3.13\nENTRYPOINT locust --host="http://${HOST}" 2>&1\n' },
    { name: 'the outer shell expands for the inner one', code: 'FROM node:22\nCMD bash -c "node $APP"\n' },
    { name: 'Windows: a batch file needs cmd.exe', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD start.cmd\n' },
    { name: 'Windows: a cmd builtin', code: "FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCMD echo 'Hello World'\n" },
    { name: 'Windows: cmd expands %VAR%', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD powershell ./start.ps1 -sa_password %sa_password%\n' },
    // BuildKit is silent when the image config it starts from has a Shell: the model starts the stage with it
    { name: 'resolved: the base image set a SHELL', code: 'FROM acme/bash:1\nCMD node server.js\n', options: { images } },
    { name: 'resolved: the base image set SHELL to /bin/sh -c (still a chosen shell for BuildKit)', code: 'FROM acme/sh:1\nENTRYPOINT node server.js\n', options: { images } },
    { name: 'resolved, buildkit preset: through a FROM <stage> chain', code: 'FROM acme/bash:1 AS base\nFROM base\nCMD node server.js\n', options: { images, preset: 'buildkit' } },
  ],
  invalid: [
    {
      name: 'buildkit preset: a `# hadolint shell=` comment is no SHELL to BuildKit',
      code: '# hadolint shell=pwsh\nFROM mcr.microsoft.com/powershell:7.4-nanoserver\nENTRYPOINT ./run.ps1\n',
      options: { preset: 'buildkit' },
      errors: [{ line: 3 }],
      unsafeOutput: '# hadolint shell=pwsh\nFROM mcr.microsoft.com/powershell:7.4-nanoserver\nENTRYPOINT ["./run.ps1"]\n',
    },
    { name: 'resolved: the base image sets no SHELL', code: 'FROM node:22\nCMD node server.js\n', options: { images, preset: 'buildkit' }, errors: [{ line: 2 }], output: 'FROM node:22\nCMD ["node", "server.js"]\n' },
    { name: 'hadolint preset: DL3025 ignores the image\'s SHELL', code: 'FROM acme/bash:1\nCMD node server.js\n', options: { images, preset: 'hadolint' }, errors: 1, unsafeOutput: 'FROM acme/bash:1\nCMD ["node", "server.js"]\n' },
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
      name: 'hadolint preset: DL3025 reports HEALTHCHECK CMD too',
      options: { preset: 'hadolint' },
      code: 'FROM node:22\nHEALTHCHECK --interval=5s CMD /bin/check \\\n  --quiet\n',
      errors: 1,
      output: 'FROM node:22\nHEALTHCHECK --interval=5s CMD ["/bin/check", "--quiet"]\n',
    },
    {
      name: 'continuation line',
      code: 'FROM node:22\nCMD /bin/server \\\n  --quiet\n',
      errors: 1,
      output: 'FROM node:22\nCMD ["/bin/server", "--quiet"]\n',
    },
    {
      name: 'hadolint preset: DL3025 reports under a chosen SHELL too; unsafe under a non-POSIX one',
      options: { preset: 'hadolint' },
      code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nCMD app.exe\n',
      errors: 1,
      unsafeOutput: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nCMD ["app.exe"]\n',
    },
    { name: 'hadolint preset: shell syntax, no fix', code: 'FROM node:22\nCMD node app.js > /var/log/app.log 2>&1\n', options: { preset: 'hadolint' }, errors: 1 },
    { name: 'hadolint preset: variables, no fix', code: 'FROM node:22\nCMD node $APP\n', options: { preset: 'hadolint' }, errors: 1 },
    { name: 'hadolint preset: a Windows batch script', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD start.cmd\n', options: { preset: 'hadolint' }, errors: 1, output: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD ["start.cmd"]\n' },
    { name: 'a shell runs a single-quoted script: two shells', code: "FROM php:8.4\nCMD sh -c 'php -S 0.0.0.0:$PORT'\n", errors: 1 },
    { name: 'a Windows server', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD C:\\nginx\\nginx.exe\n', errors: 1 },
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
