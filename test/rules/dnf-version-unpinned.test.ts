import rule from '../../rules/dnf-version-unpinned.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM fedora:41\nRUN dnf install -y tomcat-9.0.1 && dnf clean all\n',
    'FROM fedora:41\nRUN microdnf install -y openssl-1:1.1.1k\n',
    'FROM fedora:41\nRUN dnf -y group install "Development Tools"\n',
    'FROM fedora:41\nRUN dnf module install -y nodejs:20\n',
    'FROM fedora:41\nRUN notdnf install tomcat\n',
    { name: 'version from an ARG', code: 'FROM fedora:41\nARG version=2.51.0-2.fc41\nRUN dnf -y install git-core-$version\n' },
  ],
  invalid: [
    { code: 'FROM fedora:41\nRUN dnf install -y tomcat && dnf clean all\n', errors: [{ line: 2, column: 20, endColumn: 26 }] },
    { name: 'microdnf and dnf in', code: 'FROM fedora:41\nRUN microdnf install -y rpm-sign && dnf in -y curl\n', errors: 2 },
    { name: 'module without a stream', code: 'FROM fedora:41\nRUN microdnf module install -y tomcat\n', errors: 1 },
    { name: 'heredoc script', code: 'FROM fedora:41\nRUN <<EOF\ndnf install -y httpd\nEOF\n', errors: [{ line: 3 }] },
    { name: 'ONBUILD trigger', code: 'FROM fedora:41\nONBUILD RUN dnf install -y tomcat\n', errors: 1 },
  ],
});
