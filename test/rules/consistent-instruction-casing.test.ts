import rule from '../../rules/consistent-instruction-casing.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM alpine\nRUN echo hi\nCMD ["sh"]\n',
    'from alpine\nrun echo hi\ncmd ["sh"]\n',
    { name: 'an unknown instruction is a syntax error, not casing', code: 'FROM alpine\nfom x\n' },
  ],
  invalid: [
    {
      name: 'mixed case against an upper-case majority',
      code: 'FROM alpine\nRun echo hello > /greeting.txt\nENTRYPOINT ["cat", "/greeting.txt"]\n',
      errors: [{ message: "Instruction 'Run' should be upper case like most instructions in this file", line: 2, column: 1, endColumn: 4 }],
      output: 'FROM alpine\nRUN echo hello > /greeting.txt\nENTRYPOINT ["cat", "/greeting.txt"]\n',
    },
    {
      name: 'lower-case majority',
      code: 'from alpine\nrun echo hi\nCOPY a b\n',
      errors: [{ message: /lower case/, line: 3 }],
      output: 'from alpine\nrun echo hi\ncopy a b\n',
    },
    {
      name: 'a tie goes to upper case; ONBUILD triggers count',
      code: 'from alpine\nONBUILD run echo hi\nCMD ["sh"]\n',
      errors: [{ line: 1 }, { line: 2, column: 9 }],
      output: 'FROM alpine\nONBUILD RUN echo hi\nCMD ["sh"]\n',
    },
    {
      name: 'heredoc instruction keeps its body',
      code: 'FROM alpine\nrun <<EOF\necho RUN\nEOF\nCMD ["sh"]\n',
      errors: [{ line: 2 }],
      output: 'FROM alpine\nRUN <<EOF\necho RUN\nEOF\nCMD ["sh"]\n',
    },
  ],
});
