import rule from '../../rules/zypper-clean-missing.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM opensuse/leap:15.6\nRUN zypper -n install mariadb=10.11 && zypper clean\n',
    'FROM opensuse/leap:15.6\nRUN zypper -n install mariadb=10.11 && zypper cc -a\n',
    'FROM opensuse/leap:15.6\nRUN zypper -n in mariadb=10.11 && rm -rf /var/cache/zypp\n',
    { name: 'cache mount', code: 'FROM opensuse/leap:15.6\nRUN --mount=type=cache,target=/var/cache/zypp zypper -n install mariadb\n' },
    { name: 'removing downloads nothing', code: 'FROM opensuse/leap:15.6\nRUN zypper -n rm vim\n' },
    { name: 'a build stage the image only copies from: its cache does not ship', code: 'FROM opensuse/leap:15.6 AS build\nRUN zypper -n install gcc=7\nFROM scratch\nCOPY --from=build /usr/bin/gcc /gcc\n' },
  ],
  invalid: [
    { name: 'hadolint preset: every stage counts', options: { preset: 'hadolint' }, code: 'FROM opensuse/leap:15.6 AS build\nRUN zypper -n install gcc=7\nFROM scratch\nCOPY --from=build /usr/bin/gcc /gcc\n', errors: 1, output: 'FROM opensuse/leap:15.6 AS build\nRUN zypper -n install gcc=7 && zypper clean\nFROM scratch\nCOPY --from=build /usr/bin/gcc /gcc\n' },
    {
      code: 'FROM opensuse/leap:15.6\nRUN zypper install -y mariadb=10.11\n',
      errors: [{ line: 2, column: 5, endColumn: 36 }],
      output: 'FROM opensuse/leap:15.6\nRUN zypper install -y mariadb=10.11 && zypper clean\n',
    },
    {
      name: 'clean before install does not count',
      code: 'FROM opensuse/leap:15.6\nRUN zypper clean && zypper install -y mariadb=10.11\n',
      errors: 1,
      output: 'FROM opensuse/leap:15.6\nRUN zypper clean && zypper install -y mariadb=10.11 && zypper clean\n',
    },
    {
      name: 'heredoc script',
      code: 'FROM opensuse/leap:15.6\nRUN <<EOF\nzypper -n patch\nEOF\n',
      errors: [{ line: 3 }],
      output: 'FROM opensuse/leap:15.6\nRUN <<EOF\nzypper -n patch && zypper clean\nEOF\n',
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM opensuse/leap:15.6\nONBUILD RUN zypper -n in curl=8.6\n',
      errors: 1,
      output: 'FROM opensuse/leap:15.6\nONBUILD RUN zypper -n in curl=8.6 && zypper clean\n',
    },
  ],
});
