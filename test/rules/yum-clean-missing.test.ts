import rule from '../../rules/yum-clean-missing.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM centos:7\nRUN yum install -y mariadb-10.4 && yum clean all\n',
    'FROM centos:7\nRUN yum install -y mariadb-10.4 && rm -rf /var/cache/yum/*\n',
    { name: 'cache mount', code: 'FROM centos:7\nRUN --mount=type=cache,target=/var/cache/yum yum install -y mariadb-10.4\n' },
    { name: 'removing packages downloads nothing', code: 'FROM centos:7\nRUN yum remove -y vim-minimal\n' },
    { name: 'heredoc with the clean on its own line', code: 'FROM centos:7\nRUN <<EOF\nset -e\nyum install -y mariadb-10.4\nyum clean all\nEOF\n' },
    { name: 'a build stage the image only copies from: its cache does not ship', code: 'FROM centos:7 AS build\nRUN yum install -y gcc-4.8.5\nFROM scratch\nCOPY --from=build /usr/bin/gcc /gcc\n' },
  ],
  invalid: [
    { name: 'hadolint preset: every stage counts', options: { preset: 'hadolint' }, code: 'FROM centos:7 AS build\nRUN yum install -y gcc-4.8.5\nFROM scratch\nCOPY --from=build /usr/bin/gcc /gcc\n', errors: 1, output: 'FROM centos:7 AS build\nRUN yum install -y gcc-4.8.5 && yum clean all\nFROM scratch\nCOPY --from=build /usr/bin/gcc /gcc\n' },
    {
      code: 'FROM centos:7\nRUN yum install -y mariadb-10.4\n',
      errors: [{ line: 2, column: 5, endColumn: 32 }],
      output: 'FROM centos:7\nRUN yum install -y mariadb-10.4 && yum clean all\n',
    },
    {
      name: 'clean before install does not count; the clean goes after the last command',
      code: 'FROM centos:7\nRUN yum clean all && yum install -y mariadb-10.4 \\\n    && echo done # installed\n',
      errors: 1,
      output: 'FROM centos:7\nRUN yum clean all && yum install -y mariadb-10.4 \\\n    && echo done && yum clean all # installed\n',
    },
    {
      name: 'heredoc script',
      code: 'FROM centos:7\nRUN <<EOF\nyum install -y mariadb-10.4\nEOF\n',
      errors: [{ line: 3 }],
      output: 'FROM centos:7\nRUN <<EOF\nyum install -y mariadb-10.4 && yum clean all\nEOF\n',
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM centos:7\nONBUILD RUN yum install -y mariadb-10.4\n',
      errors: 1,
      output: 'FROM centos:7\nONBUILD RUN yum install -y mariadb-10.4 && yum clean all\n',
    },
    { name: 'last command inside a compound: reported, not fixed', code: 'FROM centos:7\nRUN if true; then yum install -y mariadb-10.4; fi\n', errors: 1 },
    { name: 'through sudo: reported, not fixed', code: 'FROM centos:7\nRUN sudo yum install -y mariadb-10.4\n', errors: 1 },
    { name: 'exec form: reported, not fixed', code: 'FROM centos:7\nRUN ["yum", "install", "-y", "mariadb"]\n', errors: 1 },
  ],
});
