import rule from '../../rules/cd-use-workdir.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

const hadolint = { preset: 'hadolint' } as const;

ruleTester(rule, {
  valid: [
    'FROM debian:12\nWORKDIR /opt\n',
    { name: 'one RUN that starts with cd', code: 'FROM debian:12\nRUN cd /opt && make\n' },
    { name: 'subshell', code: 'FROM debian:12\nRUN (cd /src && make)\nRUN (cd /src && make)\n' },
    { name: 'sh -c string', code: "FROM debian:12\nRUN sh -c 'cd /src && make'\n" },
    {
      name: 'cd in the middle of a script, into what the RUN unpacks, then left and removed',
      code: 'FROM debian:12\nRUN mkdir /src; tar -xzf x -C /src; cd /src; make install; cd /; rm -rf /src\n',
    },
    { name: 'the RUN removes the directory', code: 'FROM debian:12\nRUN cd /src && make && rm -rf /src\nRUN cd /src && make && rm -rf /src\n' },
    { name: 'scratch places', code: 'FROM debian:12\nRUN cd /tmp && wget x\nRUN cd /tmp && wget y\nRUN cd /\n' },
    { name: 'cd -, computed and relative directories', code: 'FROM debian:12\nRUN cd -\nRUN cd $(mktemp -d) && make\nRUN cd $(mktemp -d) && make\nRUN cd src && make\nRUN cd src && make\n' },
    { name: 'a second cd in the RUN', code: 'FROM debian:12\nRUN cd /a && make && cd /b && make\nRUN cd /a && make && cd /b && make\n' },
    { name: 'cd joined by ;', code: 'FROM debian:12\nRUN cd /opt; make\nRUN cd /opt; make\n' },
    { name: 'repeated in different stages', code: 'FROM debian:12\nRUN cd /opt && make\nFROM debian:12\nRUN cd /opt && make\n' },
    { name: 'hadolint: subshell', code: 'FROM debian:12\nRUN (cd /src && make)\n', options: hadolint },
  ],
  invalid: [
    {
      name: 'only cd: the RUN becomes the WORKDIR',
      code: 'FROM debian:12\nRUN cd /opt\n',
      errors: [{ line: 2, column: 5, endColumn: 12, message: /only changes directory/ }],
      unsafeOutput: 'FROM debian:12\nWORKDIR /opt\n',
    },
    {
      name: 'several RUNs start with the same cd',
      code: 'FROM debian:12\nRUN cd /app && npm ci\nRUN cd /app && npm run build\n',
      errors: [{ line: 2, message: /Several RUNs start with `cd \/app`/ }, { line: 3 }],
      unsafeOutput: 'FROM debian:12\nWORKDIR /app\nRUN npm ci\nWORKDIR /app\nRUN npm run build\n',
    },
    {
      name: 'continuation and lower-case keyword kept',
      code: 'FROM debian:12\nrun cd /opt \\\n && make\nrun cd /opt && make install\n',
      errors: 2,
      unsafeOutput: 'FROM debian:12\nworkdir /opt\nrun make\nworkdir /opt\nrun make install\n',
    },
    { name: 'ONBUILD: no fix', code: 'FROM debian:12\nONBUILD RUN cd /opt\n', errors: 1 },
    {
      name: 'hadolint: every cd outside a subshell',
      code: 'FROM debian:12\nRUN cd /opt && make\nRUN make && cd /opt && make install\nRUN cd src && make\nRUN cd /opt; make\nRUN <<EOF\ncd /opt\nmake\nEOF\n',
      options: hadolint,
      errors: [{ line: 2, column: 5, endColumn: 12 }, { line: 3 }, { line: 4 }, { line: 5 }, { line: 7 }],
      unsafeOutput: 'FROM debian:12\nWORKDIR /opt\nRUN make\nRUN make && cd /opt && make install\nRUN cd src && make\nRUN cd /opt; make\nRUN <<EOF\ncd /opt\nmake\nEOF\n',
    },
  ],
});
