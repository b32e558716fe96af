import rule from '../../rules/zypper-dist-upgrade.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM opensuse/leap:15.6\nRUN zypper -n update curl\n',
    'FROM opensuse/leap:15.6\nRUN echo zypper dup\n',
  ],
  invalid: [
    { code: 'FROM opensuse/leap:15.6\nRUN zypper dist-upgrade\n', errors: [{ line: 2, column: 5, endColumn: 24 }] },
    { code: 'FROM opensuse/leap:15.6\nRUN zypper -n dup\n', errors: 1 },
    { name: 'heredoc script', code: 'FROM opensuse/leap:15.6\nRUN <<EOF\nzypper --non-interactive dup\nEOF\n', errors: [{ line: 3 }] },
    { name: 'ONBUILD trigger', code: 'FROM opensuse/leap:15.6\nONBUILD RUN zypper dup\n', errors: 1 },
  ],
});
