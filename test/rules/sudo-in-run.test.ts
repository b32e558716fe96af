import rule from '../../rules/sudo-in-run.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get install -y sudo\n',
    'FROM debian:12\nRUN echo sudo\n',
    { name: 'exec-form CMD is not a RUN', code: 'FROM debian:12\nCMD ["sudo", "x"]\n' },
  ],
  invalid: [
    { code: 'FROM debian:12\nRUN sudo apt-get update\n', errors: [{ line: 2, column: 5, endColumn: 9 }] },
    { name: 'chained', code: 'FROM debian:12\nRUN apt-get update && sudo apt-get install -y x\n', errors: 1 },
    { name: 'ONBUILD', code: 'FROM debian:12\nONBUILD RUN sudo make install\n', errors: 1 },
    { name: 'heredoc', code: 'FROM debian:12\nRUN <<EOF\nsudo make install\nEOF\n', errors: [{ line: 3 }] },
    { name: 'exec form', code: 'FROM debian:12\nRUN ["sudo", "make"]\n', errors: 1 },
  ],
});
