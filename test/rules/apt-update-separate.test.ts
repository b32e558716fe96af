import rule from '../../rules/apt-update-separate.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM debian\nRUN apt-get update && apt-get install -y curl\n',
    'FROM debian\nRUN apt-get update && apt-get upgrade -y\n',
    { name: 'nothing installs later', code: 'FROM debian\nRUN apt-get update\nRUN ls /var/lib/apt/lists\n' },
    { name: 'the install is in another stage', code: 'FROM debian AS a\nRUN apt-get update\nFROM debian\nRUN apt-get install -y curl\n' },
    { name: 'apk is not apt', code: 'FROM alpine\nRUN apk update\nRUN apk add curl\n' },
    'FROM debian\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n',
  ],
  invalid: [
    {
      code: 'FROM debian\nRUN apt-get update\nRUN apt-get install -y curl\n',
      errors: [{ line: 2, column: 5, endColumn: 19, message: /install on line 3/ }],
      output: 'FROM debian\nRUN apt-get update && \\\n    apt-get install -y curl\n',
    },
    {
      name: 'continuation style with leading && is kept, comments kept',
      code: 'FROM debian\nRUN apt-get -qq update\n# tools\nRUN apt-get install -y \\\n    curl \\\n && rm -rf /var/lib/apt/lists/*\n',
      errors: 1,
      output: 'FROM debian\nRUN apt-get -qq update && \\\n# tools\n    apt-get install -y \\\n    curl \\\n && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'CRLF line endings',
      code: 'FROM debian\r\nRUN apt update\r\nRUN apt install -y curl\r\n',
      errors: 1,
      output: 'FROM debian\r\nRUN apt update && \\\r\n    apt install -y curl\r\n',
    },
    {
      name: 'same cache mounts: merged with them',
      code: 'FROM debian\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get install -y curl\n',
      errors: 1,
      output: 'FROM debian\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && \\\n    apt-get install -y curl\n',
    },
    { name: 'different mounts: no fix', code: 'FROM debian\nRUN apt-get update\nRUN --mount=type=cache,target=/var/cache/apt apt-get install -y curl\n', errors: 1 },
    { name: 'install not next: no fix', code: 'FROM debian\nRUN apt-get update\nRUN echo hi\nRUN apt-get install -y curl\n', errors: 1 },
    { name: 'install RUN with ; is not one && list: no fix', code: 'FROM debian\nRUN apt-get update\nRUN set -e; apt-get install -y curl\n', errors: 1 },
    { name: 'update with other commands: no fix', code: 'FROM debian\nRUN apt-get update && echo done\nRUN apt-get install -y curl\n', errors: 1 },
    { name: 'heredoc install: no fix', code: 'FROM debian\nRUN apt-get update\nRUN <<EOF\napt-get install -y curl\nEOF\n', errors: 1 },
    {
      name: 'ONBUILD triggers',
      code: 'FROM debian\nONBUILD RUN apt-get update\nONBUILD RUN apt-get install -y curl\n',
      errors: 1,
      output: 'FROM debian\nONBUILD RUN apt-get update && \\\n    apt-get install -y curl\n',
    },
    {
      name: 'multi-stage: inside the second stage',
      code: 'FROM debian AS a\nRUN true\nFROM debian\nRUN apt-get update\nRUN apt-get install -y curl\n',
      errors: [{ line: 4 }],
      output: 'FROM debian AS a\nRUN true\nFROM debian\nRUN apt-get update && \\\n    apt-get install -y curl\n',
    },
    {
      name: 'ARG-resolved package list',
      code: 'FROM debian\nARG PKGS="curl git"\nRUN apt-get update\nRUN apt-get install -y $PKGS\n',
      errors: 1,
      output: 'FROM debian\nARG PKGS="curl git"\nRUN apt-get update && \\\n    apt-get install -y $PKGS\n',
    },
  ],
});
