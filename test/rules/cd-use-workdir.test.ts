import rule from '../../rules/cd-use-workdir.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nWORKDIR /opt\n',
    { name: 'subshell', code: 'FROM debian:12\nRUN (cd /src && make)\n' },
    { name: 'sh -c string', code: "FROM debian:12\nRUN sh -c 'cd /src && make'\n" },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN cd /opt && make\n',
      errors: [{ line: 2, column: 5, endColumn: 12 }],
      unsafeOutput: 'FROM debian:12\nWORKDIR /opt\nRUN make\n',
    },
    {
      name: 'only cd: the RUN becomes the WORKDIR',
      code: 'FROM debian:12\nRUN cd /opt\n',
      errors: 1,
      unsafeOutput: 'FROM debian:12\nWORKDIR /opt\n',
    },
    {
      name: 'continuation and lower-case keyword kept',
      code: 'FROM debian:12\nrun cd /opt \\\n && make\n',
      errors: 1,
      unsafeOutput: 'FROM debian:12\nworkdir /opt\nrun make\n',
    },
    { name: 'cd in the middle: no fix', code: 'FROM debian:12\nRUN make && cd /opt && make install\n', errors: 1 },
    { name: 'relative directory: no fix', code: 'FROM debian:12\nRUN cd src && make\n', errors: 1 },
    { name: 'cd joined by ; : no fix', code: 'FROM debian:12\nRUN cd /opt; make\n', errors: 1 },
    { name: 'ONBUILD: no fix', code: 'FROM debian:12\nONBUILD RUN cd /opt && make\n', errors: 1 },
    { name: 'heredoc: no fix', code: 'FROM debian:12\nRUN <<EOF\ncd /opt\nmake\nEOF\n', errors: [{ line: 3 }] },
  ],
});
