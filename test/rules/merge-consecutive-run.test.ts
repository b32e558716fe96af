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
    { code: 'FROM debian\nRUN /foo.sh\n# a comment\nRUN /bar.sh\n', errors: [{ line: 4, column: 1, endColumn: 4 }] },
    { name: 'pipelines count as one command, same mounts in another order', code: 'FROM debian\nRUN --network=none --mount=type=cache,target=/c a | b\nRUN --mount=type=cache,target=/c --network=none c\n', errors: 1 },
    { name: 'a run of three', code: 'FROM debian\nRUN foo && bar\nRUN foo\nRUN bar\nRUN baz\n', errors: [{ line: 4 }, { line: 5 }] },
    { name: 'exec form', code: 'FROM debian\nRUN ["a"]\nRUN ["b"]\n', errors: 1 },
  ],
});
