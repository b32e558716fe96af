import rule from '../../rules/apt-lists-not-removed.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

const RM = 'rm -rf /var/lib/apt/lists/*';

ruleTester(rule, {
  valid: [
    `FROM debian:12\nRUN apt-get update && apt-get install -y curl && ${RM}\n`,
    `FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists\n`,
    { name: 'a glob that matches the lists directory itself', code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && apt-get clean && rm -rf /var/lib/apt/lists*\n' },
    { name: 'apt-get dist-clean deletes the lists', code: 'FROM debian:13\nRUN apt-get update && apt-get install -y curl && apt-get dist-clean\n' },
    { name: 'cache mount on the lists', code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl\n' },
    { name: 'tmpfs on /var/lib/apt and /var/cache/apt', code: 'FROM debian:12\nRUN --mount=type=tmpfs,target=/var/lib/apt --mount=type=tmpfs,target=/var/cache/apt apt-get update && apt-get install -y curl\n' },
    { name: 'stage not used by the final image', code: 'FROM debian:12 AS tools\nRUN apt-get update && apt-get install -y curl\nFROM scratch\nCOPY --from=tools /usr/bin/curl /curl\n' },
    { name: 'no update: no lists written', code: 'FROM debian:12\nRUN apt-get install -y curl\n' },
    { name: 'heredoc that cleans', code: `FROM debian:12\nRUN <<EOF\nset -e\napt-get update\napt-get install -y curl\n${RM}\nEOF\n` },
    { name: 'PowerShell RUN', code: 'FROM w\nSHELL ["pwsh", "-c"]\nRUN apt-get update\n' },
  ],
  invalid: [
    {
      name: 'a glob inside another directory does not reach the lists',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/partial*\n',
      errors: 1,
      output: `FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/partial* && ${RM}\n`,
    },
    {
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
      errors: [{ line: 2, column: 5, endColumn: 19 }],
      output: `FROM debian:12\nRUN apt-get update && apt-get install -y curl && ${RM}\n`,
    },
    {
      name: 'removal before the update does not count; continuation kept',
      code: `FROM debian:12\nRUN ${RM} \\\n && apt-get update \\\n && apt-get install -y curl\n`,
      errors: [{ line: 3 }],
      output: `FROM debian:12\nRUN ${RM} \\\n && apt-get update \\\n && apt-get install -y curl && ${RM}\n`,
    },
    {
      name: 'CRLF file',
      code: 'FROM debian:12\r\nRUN apt update && apt install -y curl\r\n',
      errors: 1,
      output: `FROM debian:12\r\nRUN apt update && apt install -y curl && ${RM}\r\n`,
    },
    {
      name: 'heredoc with set -e: a new last line',
      code: 'FROM debian:12\nRUN <<EOF\nset -eux\napt-get update\napt-get install -y curl\nEOF\n',
      errors: [{ line: 4 }],
      output: `FROM debian:12\nRUN <<EOF\nset -eux\napt-get update\napt-get install -y curl\n${RM}\nEOF\n`,
    },
    {
      name: 'heredoc without set -e: chained to the last line so the exit status stays',
      code: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n',
      errors: 1,
      output: `FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl && ${RM}\nEOF\n`,
    },
    {
      name: 'a stage the final image builds on',
      code: 'FROM debian:12 AS base\nRUN apt-get update && apt-get install -y curl\nFROM base\nRUN echo ok\n',
      errors: [{ line: 2 }],
      output: `FROM debian:12 AS base\nRUN apt-get update && apt-get install -y curl && ${RM}\nFROM base\nRUN echo ok\n`,
    },
    {
      name: 'a later RUN installs without updating: the fix is unsafe',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\nRUN apt-get install -y git\n',
      errors: 1,
      unsafeOutput: `FROM debian:12\nRUN apt-get update && apt-get install -y curl && ${RM}\nRUN apt-get install -y git\n`,
    },
    {
      name: 'ONBUILD trigger in an unused stage still counts; fix unsafe',
      code: 'FROM debian:12 AS base\nONBUILD RUN apt-get update && apt-get install -y curl\nFROM scratch\n',
      errors: 1,
      unsafeOutput: `FROM debian:12 AS base\nONBUILD RUN apt-get update && apt-get install -y curl && ${RM}\nFROM scratch\n`,
    },
    {
      name: 'update only: no fix (the lists may be what a later RUN needs)',
      code: 'FROM debian:12\nRUN apt-get update\n',
      errors: 1,
    },
    {
      name: 'trailing comment stays after the removal',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl # tools\n',
      errors: 1,
      output: `FROM debian:12\nRUN apt-get update && apt-get install -y curl && ${RM} # tools\n`,
    },
    {
      name: 'last command inside if: no fix',
      code: 'FROM debian:12\nRUN apt-get update && if true; then apt-get install -y curl; fi\n',
      errors: 1,
    },
    {
      name: 'docker-clean removed and only the lists cached: the archives stay',
      code: 'FROM debian:12\nRUN rm -f /etc/apt/apt.conf.d/docker-clean\nRUN --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y curl\n',
      errors: [{ line: 3, message: /\.deb files stay/ }],
    },
    {
      name: 'exec form',
      code: 'FROM debian:12\nRUN ["sh", "-c", "apt-get update && apt-get install -y curl"]\n',
      errors: 1,
    },
  ],
});
