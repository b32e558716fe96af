import rule from '../../rules/untrusted-registry.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

const trusted = (...trustedRegistries: string[]) => ({ trustedRegistries });

ruleTester(rule, {
  valid: [
    { name: 'no setting: nothing to check', code: 'FROM random.com/debian\n' },
    { code: 'FROM random.com/debian\n', options: trusted('x.com', 'random.com') },
    { code: 'FROM scratch\n', options: trusted('x.com') },
    { name: 'all forms of Docker Hub', code: 'FROM ubuntu:24.04\nFROM zemanlx/ubuntu:18.04\nFROM docker.io/zemanlx/ubuntu:18.04\nFROM index.docker.io/library/debian\n', options: trusted('docker.io') },
    { name: 'previous stages are not images', code: 'FROM random.com/foo AS builder1\nFROM builder1 AS builder2\nCOPY --from=builder1 /a /a\n', options: trusted('random.com') },
    { name: 'wildcard', code: 'FROM foo.random.com/debian\n', options: trusted('x.com', '*.random.com') },
    { name: 'everything', code: 'FROM ubuntu\nFROM quay.io/x/y\n', options: trusted('*') },
    { code: 'FROM trusted.com/a\nCOPY --from=trusted.com/repo/image:tag /foo /bar\n', options: trusted('trusted.com') },
    { code: 'FROM trusted.com/a\nRUN --mount=type=bind,from=trusted.com/repo/image:tag,target=/foo foobar\n', options: trusted('trusted.com') },
  ],
  invalid: [
    { code: 'FROM random.com/debian\n', options: trusted('docker.io'), errors: [{ line: 1, column: 6, endColumn: 23, message: /`random.com`/ }] },
    { name: 'Docker Hub is not trusted unless listed', code: 'FROM ubuntu:24.04 AS a\nFROM zemanlx/ubuntu:18.04 AS b\nFROM docker.io/zemanlx/ubuntu:18.04 AS c\n', options: trusted('trusted.com'), errors: 3 },
    { name: 'a wildcard does not match the parent domain', code: 'FROM random.com/debian\n', options: trusted('*.random.com'), errors: 1 },
    { name: 'COPY --from an image', code: 'FROM trusted.com/a\nCOPY --from=untrusted.com/repo/image:tag /foo /bar\n', options: trusted('trusted.com'), errors: [{ line: 2 }] },
    { name: 'RUN --mount from an image', code: 'FROM trusted.com/a\nRUN --mount=type=cache,from=untrusted.com/repo/image:tag,target=/foo foobar\n', options: trusted('trusted.com'), errors: [{ line: 2 }] },
    { name: 'image from an ARG', code: 'ARG BASE=quay.io/org/app:1\nFROM $BASE\n', options: trusted('trusted.com'), errors: [{ message: /`quay.io`/ }] },
  ],
});
