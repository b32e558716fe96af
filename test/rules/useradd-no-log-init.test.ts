import rule from '../../rules/useradd-no-log-init.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM debian\nRUN useradd app\n',
    'FROM debian\nRUN useradd -u 12345 app\n',
    'FROM debian\nRUN useradd -l -u 123456 app\n',
    'FROM debian\nRUN useradd --no-log-init --uid=123456 app\n',
    { name: 'unknown UID', code: 'FROM debian\nARG UID\nRUN useradd -u "$UID" app\n' },
  ],
  invalid: [
    {
      code: 'FROM debian\nRUN useradd -u 123456 app\n',
      errors: [{ line: 2, column: 5, endColumn: 26 }],
      output: 'FROM debian\nRUN useradd -l -u 123456 app\n',
    },
    {
      name: '--uid=, sudo, in a chain',
      code: 'FROM debian\nRUN groupadd -g 1000000 g && sudo useradd --uid=1000000 -g g app\n',
      errors: 1,
      output: 'FROM debian\nRUN groupadd -g 1000000 g && sudo useradd -l --uid=1000000 -g g app\n',
    },
    {
      name: 'heredoc',
      code: 'FROM debian\nRUN <<EOF\nset -e\nuseradd -u 200000 app\nEOF\n',
      errors: [{ line: 4 }],
      output: 'FROM debian\nRUN <<EOF\nset -e\nuseradd -l -u 200000 app\nEOF\n',
    },
    { name: 'ONBUILD', code: 'FROM debian\nONBUILD RUN useradd -u 200000 app\n', errors: 1, output: 'FROM debian\nONBUILD RUN useradd -l -u 200000 app\n' },
    { name: 'exec form: no fix', code: 'FROM debian\nRUN ["useradd", "-u", "200000", "app"]\n', errors: 1 },
  ],
});
