import rule from '../../rules/apt-assume-yes.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get install -y curl\n',
    'FROM debian:12\nRUN apt-get -yq install curl\n',
    'FROM debian:12\nRUN apt-get --assume-yes install curl\n',
    'FROM debian:12\nRUN apt-get install -qq curl\n',
    'FROM debian:12\nRUN apt-get install -q -q curl\n',
    'FROM debian:12\nRUN apt-get install -q=2 curl\n',
    'FROM debian:12\nRUN apt-get -o APT::Get::Assume-Yes=true install curl\n',
    { name: 'simulation never asks', code: 'FROM debian:12\nRUN if apt-get install -s curl > /dev/null; then echo ok; fi\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt-get update && apt-get install curl\n',
      errors: [{ line: 2, column: 23, endColumn: 43 }],
      output: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
    },
    {
      name: 'one -q is not enough',
      code: 'FROM debian:12\nRUN apt-get install --quiet curl\n',
      errors: 1,
      output: 'FROM debian:12\nRUN apt-get install -y --quiet curl\n',
    },
    {
      name: 'ONBUILD',
      code: 'FROM debian:12\nONBUILD RUN apt install curl\n',
      errors: 1,
      output: 'FROM debian:12\nONBUILD RUN apt install -y curl\n',
    },
    {
      name: 'heredoc',
      code: 'FROM debian:12\nRUN <<EOF\napt-get install \\\n  curl\nEOF\n',
      errors: [{ line: 3 }],
      output: 'FROM debian:12\nRUN <<EOF\napt-get install -y \\\n  curl\nEOF\n',
    },
    { name: 'exec form: no fix', code: 'FROM debian:12\nRUN ["apt-get", "install", "curl"]\n', errors: 1 },
  ],
});
