import rule from '../../rules/merge-consecutive-run.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM debian\nRUN /foo.sh\nWORKDIR /\nRUN /bar.sh\n',
    'FROM debian\nRUN foo && bar\nRUN foobar\n',
    'FROM debian\nRUN foobar\nRUN foo; bar\n',
    { name: 'different mounts', code: 'FROM debian\nRUN --mount=type=secret,id=a a\nRUN b\n' },
    { name: 'different stages', code: 'FROM debian AS a\nRUN a\nFROM debian\nRUN b\n' },
    { name: 'ONBUILD triggers are not layers here', code: 'FROM debian\nONBUILD RUN a\nONBUILD RUN b\n' },
    { name: 'a multi-line heredoc is a deliberate step', code: 'FROM debian\nRUN a\nRUN <<EOF\nb\nc\nEOF\n' },
  ],
  invalid: [
    {
      code: 'FROM debian\nRUN /foo.sh\n# a comment\nRUN /bar.sh\n',
      errors: [{ line: 4, column: 1, endColumn: 4 }],
      output: 'FROM debian\nRUN /foo.sh && \\\n# a comment\n    /bar.sh\n',
    },
    {
      name: 'pipelines count as one command, same mounts in another order',
      code: 'FROM debian\nRUN --network=none --mount=type=cache,target=/c a | b\nRUN --mount=type=cache,target=/c --network=none c\n',
      errors: 1,
      output: 'FROM debian\nRUN --network=none --mount=type=cache,target=/c a | b && \\\n    c\n',
    },
    {
      name: 'a run of three: merged in one pass',
      code: 'FROM debian\nRUN foo && bar\nRUN foo\nRUN bar\nRUN baz\n',
      errors: [{ line: 4 }, { line: 5 }],
      output: 'FROM debian\nRUN foo && bar\nRUN foo && \\\n    bar && \\\n    baz\n',
    },
    {
      name: 'first RUN changes directory: wrapped in a subshell (unsafe)',
      code: 'FROM debian\nRUN cd /src\nRUN make\n',
      errors: 1,
      unsafeOutput: 'FROM debian\nRUN ( cd /src ) && \\\n    make\n',
    },
    {
      name: 'CRLF, backtick escape',
      code: '# escape=`\r\nFROM debian\r\nRUN a\r\nRUN b\r\n',
      errors: 1,
      output: '# escape=`\r\nFROM debian\r\nRUN a && `\r\n    b\r\n',
    },
    { name: 'trailing comment in the first RUN: no fix', code: 'FROM debian\nRUN a # note\nRUN b\n', errors: 1 },
    {
      name: 'continuation style of the first RUN is kept',
      code: 'FROM debian\nRUN apt-get install -y \\\n      curl\nRUN echo done\n',
      errors: 1,
      output: 'FROM debian\nRUN apt-get install -y \\\n      curl && \\\n      echo done\n',
    },
    {
      name: 'ARG between is another instruction: the RUNs after it merge',
      code: 'FROM debian\nARG V=1\nRUN echo $V\nRUN echo done\n',
      errors: 1,
      output: 'FROM debian\nARG V=1\nRUN echo $V && \\\n    echo done\n',
    },
    { name: 'exec form', code: 'FROM debian\nRUN ["a"]\nRUN ["b"]\n', errors: 1 },
  ],
});
