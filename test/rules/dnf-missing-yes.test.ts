import rule from '../../rules/dnf-missing-yes.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM fedora:41\nRUN dnf install -y httpd-2.4.62 && dnf clean all\n',
    'FROM fedora:41\nRUN microdnf --assumeyes install httpd\n',
    'FROM fedora:41\nRUN dnf -y module install nodejs:20\n',
    { name: 'not dnf', code: 'FROM fedora:41\nRUN notdnf install httpd\n' },
    { name: 'yum is another rule', code: 'FROM fedora:41\nRUN yum install httpd\n' },
    { name: 'microdnf never asks', code: 'FROM oraclelinux:9-slim\nRUN microdnf install gzip tar && microdnf clean all\n' },
  ],
  invalid: [
    {
      code: 'FROM fedora:41\nRUN dnf install httpd-2.4.62 && dnf clean all\n',
      errors: [{ line: 2, column: 5, endColumn: 29, message: /`dnf install` without `-y`/ }],
      output: 'FROM fedora:41\nRUN dnf install -y httpd-2.4.62 && dnf clean all\n',
    },
    {
      name: 'dnf5 and short subcommands',
      code: 'FROM fedora:41\nRUN microdnf install httpd && dnf5 up && dnf in curl\n',
      errors: 2,
      output: 'FROM fedora:41\nRUN microdnf install httpd && dnf5 up -y && dnf in -y curl\n',
    },
    {
      name: 'hadolint preset: DL3038 reports microdnf too',
      code: 'FROM oraclelinux:9-slim\nRUN microdnf install gzip\n',
      options: { preset: 'hadolint' },
      errors: 1,
      output: 'FROM oraclelinux:9-slim\nRUN microdnf install -y gzip\n',
    },
    {
      name: 'module install: the flag goes after the two-word subcommand',
      code: 'FROM fedora:41\nRUN dnf module install nodejs:20\n',
      errors: 1,
      output: 'FROM fedora:41\nRUN dnf module install -y nodejs:20\n',
    },
    {
      name: 'heredoc script',
      code: 'FROM fedora:41\nRUN <<EOF\ndnf remove vim-minimal\nEOF\n',
      errors: [{ line: 3 }],
      output: 'FROM fedora:41\nRUN <<EOF\ndnf remove -y vim-minimal\nEOF\n',
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM fedora:41\nONBUILD RUN dnf install httpd\n',
      errors: 1,
      output: 'FROM fedora:41\nONBUILD RUN dnf install -y httpd\n',
    },
  ],
});
