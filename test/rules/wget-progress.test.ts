import rule from '../../rules/wget-progress.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM debian\nRUN wget --progress=dot:giga x\n',
    'FROM debian\nRUN wget -q x && wget -nv y && wget --no-verbose z && wget -qO- w\n',
    'FROM debian\nRUN wget -o /tmp/log x && wget --append-output=/tmp/log y\n',
  ],
  invalid: [
    { code: 'FROM debian\nRUN wget my.xyz\n', errors: [{ line: 2, column: 5, endColumn: 16 }] },
    { name: 'ONBUILD, -O is not -o, heredoc', code: 'FROM debian\nONBUILD RUN wget -O - x | sh\nRUN <<EOF\nwget y\nEOF\n', errors: [{ line: 2 }, { line: 4 }] },
  ],
});
