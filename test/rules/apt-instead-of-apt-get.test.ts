import rule from '../../rules/apt-instead-of-apt-get.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl\n',
    'FROM debian:bookworm\nRUN apt-cache policy curl\n',
    'FROM debian:bookworm\nRUN echo apt install curl\n',
  ],
  invalid: [
    {
      code: 'FROM ubuntu:24.04\nRUN apt install python3\n',
      errors: [{ line: 2, column: 5, endColumn: 24 }],
      output: 'FROM ubuntu:24.04\nRUN apt-get install python3\n',
    },
    {
      name: 'every command, through sudo too',
      code: 'FROM ubuntu:24.04\nRUN apt update \\\n && sudo apt -y install curl\n',
      errors: 2,
      output: 'FROM ubuntu:24.04\nRUN apt-get update \\\n && sudo apt-get -y install curl\n',
    },
    { name: 'apt upgrade is not the same as apt-get upgrade: no fix', code: 'FROM ubuntu:24.04\nRUN apt upgrade -y\n', errors: 1 },
    { name: 'queries: no fix', code: 'FROM ubuntu:24.04\nRUN apt search curl\n', errors: 1 },
    {
      name: 'heredoc script',
      code: 'FROM ubuntu:24.04\nRUN <<EOF\napt-get update\napt purge -y vim\nEOF\n',
      errors: [{ line: 4 }],
      output: 'FROM ubuntu:24.04\nRUN <<EOF\napt-get update\napt-get purge -y vim\nEOF\n',
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM ubuntu:24.04\nONBUILD RUN apt install python3\n',
      errors: 1,
      output: 'FROM ubuntu:24.04\nONBUILD RUN apt-get install python3\n',
    },
  ],
});
