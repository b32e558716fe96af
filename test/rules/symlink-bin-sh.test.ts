import rule from '../../rules/symlink-bin-sh.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM debian\nRUN ln -sf /bin/true /sbin/initctl\n',
    'FROM debian\nRUN ln -s foo bar && something_with /bin/sh\n',
    { name: 'a link to sh elsewhere', code: 'FROM debian\nRUN ln -s /bin/sh /usr/local/bin/mysh\n' },
  ],
  invalid: [
    { code: 'FROM debian\nRUN ln -sfv /bin/bash /bin/sh\n', errors: [{ line: 2, column: 5, endColumn: 30 }] },
    { name: 'ONBUILD, heredoc', code: 'FROM debian\nONBUILD RUN ln -sf bash /bin/sh\nRUN <<EOF\nsudo ln -s -f /bin/bash /bin/sh\nEOF\n', errors: [{ line: 2 }, { line: 4 }] },
  ],
});
