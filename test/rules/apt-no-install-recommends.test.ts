import rule from '../../rules/apt-no-install-recommends.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM debian\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
    'FROM debian\nRUN apt-get -o APT::Install-Recommends=false install -y curl\n',
    'FROM debian\nRUN apt-get update\n',
    { name: 'PowerShell RUN is not POSIX shell', code: 'FROM w\nSHELL ["powershell", "-Command"]\nRUN apt-get install curl\n' },
  ],
  invalid: [
    {
      code: 'FROM debian\nRUN apt-get update && apt-get install -y curl\n',
      errors: [{ line: 2, column: 23, endColumn: 46 }],
      output: 'FROM debian\nRUN apt-get update && apt-get install --no-install-recommends -y curl\n',
    },
    {
      name: 'continuation lines and sudo',
      code: 'FROM debian\nRUN apt-get update \\\n && sudo apt-get install \\\n    curl\n',
      errors: 1,
      output: 'FROM debian\nRUN apt-get update \\\n && sudo apt-get install --no-install-recommends \\\n    curl\n',
    },
    {
      name: 'heredoc script',
      code: 'FROM debian\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n',
      errors: [{ line: 4 }],
      output: 'FROM debian\nRUN <<EOF\napt-get update\napt-get install --no-install-recommends -y curl\nEOF\n',
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM debian\nONBUILD RUN apt-get install -y curl\n',
      errors: 1,
      output: 'FROM debian\nONBUILD RUN apt-get install --no-install-recommends -y curl\n',
    },
    {
      name: 'exec form',
      code: 'FROM debian\nRUN ["apt-get", "install", "-y", "curl"]\n',
      errors: 1,
    },
  ],
});
