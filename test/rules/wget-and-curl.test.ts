import rule from '../../rules/wget-and-curl.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM debian\nRUN wget x\nRUN wget y\n',
    { name: 'different stages', code: 'FROM debian AS a\nRUN wget x\nFROM debian\nRUN curl y\n' },
    { name: 'ONBUILD runs in another image', code: 'FROM debian\nRUN wget x\nONBUILD RUN curl y\n' },
  ],
  invalid: [
    { code: 'FROM debian\nRUN wget x\nRUN curl -fsS y\n', errors: [{ line: 3, column: 5, endColumn: 16 }] },
    { name: 'the same RUN, via sudo', code: 'FROM debian\nRUN wget x && sudo curl y\n', errors: 1 },
    { name: 'each RUN that mixes', code: 'FROM debian\nRUN wget x\nRUN curl y\nRUN echo\nRUN wget z\n', errors: [{ line: 3 }, { line: 5 }] },
    { name: 'heredoc and exec form', code: 'FROM debian\nRUN ["curl", "x"]\nRUN <<EOF\nwget y\nEOF\n', errors: [{ line: 4 }] },
  ],
});
