import rule from '../../rules/proxy-in-env.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM debian\nARG http_proxy\nRUN apt-get update\n',
    'FROM debian\nENV PROXY_MODE=off HTTP_PORT=80\n',
    { name: 'proxy as a build argument with a default', code: 'FROM debian\nARG https_proxy=http://proxy:3128\nRUN apt-get update\n' },
  ],
  invalid: [
    {
      code: 'FROM debian\nENV http_proxy=http://proxy:3128\nRUN apt-get update\n',
      errors: [{ line: 2, column: 5, endColumn: 15, message: /--build-arg http_proxy=/ }],
      unsafeOutput: 'FROM debian\nARG http_proxy=http://proxy:3128\nRUN apt-get update\n',
    },
    {
      name: 'upper case, several proxy variables: one fix',
      code: 'FROM debian\nENV HTTP_PROXY=http://p:3128 HTTPS_PROXY=http://p:3128 NO_PROXY=localhost\n',
      errors: 3,
      unsafeOutput: 'FROM debian\nARG HTTP_PROXY=http://p:3128 HTTPS_PROXY=http://p:3128 NO_PROXY=localhost\n',
    },
    {
      name: 'mixed with other variables: no fix',
      code: 'FROM debian\nENV http_proxy=http://p:3128 LANG=C.UTF-8\n',
      errors: [{ line: 2, column: 5 }],
    },
    { name: 'legacy ENV key value form: no fix', code: 'FROM debian\nENV https_proxy http://p:3128\n', errors: 1 },
    {
      name: 'a later stage builds on this one and would lose the inherited ENV: no fix',
      code: 'FROM debian AS base\nENV http_proxy=http://p:3128\nFROM base\nRUN apt-get update\n',
      errors: 1,
    },
    {
      name: 'ONBUILD trigger, lower-case keyword',
      code: 'FROM debian\nonbuild env all_proxy=socks5://p:1080\n',
      errors: 1,
      unsafeOutput: 'FROM debian\nonbuild arg all_proxy=socks5://p:1080\n',
    },
    {
      name: 'ARG-resolved value',
      code: 'FROM debian\nARG PROXY=http://p:3128\nENV http_proxy=$PROXY\n',
      errors: 1,
      unsafeOutput: 'FROM debian\nARG PROXY=http://p:3128\nARG http_proxy=$PROXY\n',
    },
  ],
});
