import rule from '../../rules/zypper-missing-non-interactive.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM opensuse/leap:15.6\nRUN zypper install -n httpd=2.4.58 && zypper clean\n',
    'FROM opensuse/leap:15.6\nRUN zypper --non-interactive install httpd=2.4.58\n',
    'FROM opensuse/leap:15.6\nRUN zypper install -y httpd=2.4.58\n',
    'FROM opensuse/leap:15.6\nRUN zypper in --no-confirm httpd=2.4.58\n',
    { name: 'refresh does not prompt', code: 'FROM opensuse/leap:15.6\nRUN zypper refresh\n' },
  ],
  invalid: [
    {
      code: 'FROM opensuse/leap:15.6\nRUN zypper install httpd=2.4.58 && zypper clean\n',
      errors: [{ line: 2, column: 5, endColumn: 32 }],
      output: 'FROM opensuse/leap:15.6\nRUN zypper -n install httpd=2.4.58 && zypper clean\n',
    },
    {
      name: 'remove and patch',
      code: 'FROM opensuse/leap:15.6\nRUN zypper rm vim && zypper patch\n',
      errors: 2,
      output: 'FROM opensuse/leap:15.6\nRUN zypper -n rm vim && zypper -n patch\n',
    },
    {
      name: 'heredoc script',
      code: 'FROM opensuse/leap:15.6\nRUN <<EOF\nzypper in curl=8.6\nEOF\n',
      errors: [{ line: 3 }],
      output: 'FROM opensuse/leap:15.6\nRUN <<EOF\nzypper -n in curl=8.6\nEOF\n',
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM opensuse/leap:15.6\nONBUILD RUN zypper install httpd=2.4.58\n',
      errors: 1,
      output: 'FROM opensuse/leap:15.6\nONBUILD RUN zypper -n install httpd=2.4.58\n',
    },
  ],
});
