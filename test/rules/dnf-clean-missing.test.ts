import rule from '../../rules/dnf-clean-missing.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM fedora:41\nRUN dnf install -y mariadb-10.4 && dnf clean all\n',
    'FROM fedora:41\nRUN microdnf install -y mariadb && microdnf clean all\n',
    'FROM fedora:41\nRUN dnf in -y mariadb && rm -rf /var/cache/yum/*\n',
    { name: 'cache mount', code: 'FROM fedora:41\nRUN --mount=type=cache,target=/var/cache/libdnf5 dnf install -y mariadb\n' },
    { name: 'tmpfs mount on a parent', code: 'FROM fedora:41\nRUN --mount=type=tmpfs,target=/var/cache dnf install -y mariadb\n' },
    { name: 'not dnf', code: 'FROM fedora:41\nRUN notdnf install mariadb\n' },
    { name: 'options from a variable before `all`', code: 'FROM fedora:41\nRUN quiet=$([ "$DEBUG" = yes ] || echo --quiet) && dnf install -y $quiet mariadb && dnf clean ${quiet} all\n' },
    { name: 'a build stage the image only copies from: its cache does not ship', code: 'FROM fedora:41 AS build\nRUN dnf install -y gcc-14.2.1\nFROM scratch\nCOPY --from=build /usr/bin/gcc /gcc\n' },
  ],
  invalid: [
    { name: 'hadolint preset: every stage counts', options: { preset: 'hadolint' }, code: 'FROM fedora:41 AS build\nRUN dnf install -y gcc-14.2.1\nFROM scratch\nCOPY --from=build /usr/bin/gcc /gcc\n', errors: 1, output: 'FROM fedora:41 AS build\nRUN dnf install -y gcc-14.2.1 && dnf clean all\nFROM scratch\nCOPY --from=build /usr/bin/gcc /gcc\n' },
    {
      name: 'a clean of part of the cache is not `clean all`',
      code: 'FROM fedora:41\nRUN dnf install -y mariadb && dnf clean packages\n',
      errors: 1,
      output: 'FROM fedora:41\nRUN dnf install -y mariadb && dnf clean packages && dnf clean all\n',
    },
    {
      code: 'FROM fedora:41\nRUN dnf install -y mariadb-10.4\n',
      errors: [{ line: 2, column: 5, endColumn: 32, message: /`dnf clean all` is missing/ }],
      output: 'FROM fedora:41\nRUN dnf install -y mariadb-10.4 && dnf clean all\n',
    },
    {
      name: 'microdnf needs microdnf clean all',
      code: 'FROM fedora:41\nRUN microdnf install -y mariadb && dnf clean all\n',
      errors: [{ message: /`microdnf clean all` is missing/ }],
      output: 'FROM fedora:41\nRUN microdnf install -y mariadb && dnf clean all && microdnf clean all\n',
    },
    {
      name: 'upgrade and a clean that came first',
      code: 'FROM fedora:41\nRUN rm -rf /var/cache/libdnf5 && dnf -y upgrade\n',
      errors: 1,
      output: 'FROM fedora:41\nRUN rm -rf /var/cache/libdnf5 && dnf -y upgrade && dnf clean all\n',
    },
    {
      name: 'heredoc script',
      code: 'FROM fedora:41\nRUN <<EOF\ndnf install -y mariadb\nEOF\n',
      errors: [{ line: 3 }],
      output: 'FROM fedora:41\nRUN <<EOF\ndnf install -y mariadb && dnf clean all\nEOF\n',
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM fedora:41\nONBUILD RUN dnf -y up\n',
      errors: 1,
      output: 'FROM fedora:41\nONBUILD RUN dnf -y up && dnf clean all\n',
    },
    {
      name: 'a trailing semicolon stays last',
      code: 'FROM fedora:41\nRUN dnf install -y mariadb;\n',
      errors: 1,
      output: 'FROM fedora:41\nRUN dnf install -y mariadb && dnf clean all;\n',
    },
    { name: 'backgrounded last command: reported, not fixed', code: 'FROM fedora:41\nRUN dnf install -y mariadb &\n', errors: 1 },
  ],
});
