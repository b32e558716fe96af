import rule from '../../rules/zypper-version-unpinned.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM opensuse/leap:15.6\nRUN zypper install -y tomcat=9.0.39 && zypper clean\n',
    'FROM opensuse/leap:15.6\nRUN zypper install -y tomcat\\>=9.0 "curl<9"\n',
    'FROM opensuse/leap:15.6\nRUN zypper install -y tomcat-9.0.39-1.rpm\n',
    { name: 'version from an ARG', code: 'FROM opensuse/leap:15.6\nARG V=9.0.39\nRUN zypper -n in tomcat=$V\n' },
  ],
  invalid: [
    { code: 'FROM opensuse/leap:15.6\nRUN zypper install -y tomcat && zypper clean\n', errors: [{ line: 2, column: 23, endColumn: 29, message: /`tomcat=<version>`/ }] },
    { name: 'each unpinned package', code: 'FROM opensuse/leap:15.6\nRUN zypper -n in curl vim=9.1 git\n', errors: [{ column: 18, endColumn: 34, message: 'Pin the versions of `curl` and `git`: `curl=<version>`' }] },
    { name: 'heredoc script', code: 'FROM opensuse/leap:15.6\nRUN <<EOF\nzypper -n install httpd\nEOF\n', errors: [{ line: 3 }] },
    { name: 'ONBUILD trigger', code: 'FROM opensuse/leap:15.6\nONBUILD RUN zypper install -y tomcat\n', errors: 1 },
  ],
});
