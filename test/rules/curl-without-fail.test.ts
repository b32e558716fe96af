import rule from '../../rules/curl-without-fail.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM debian\nRUN curl -fsSL https://x/install.sh | sh\n',
    'FROM debian\nRUN curl --fail -o /tmp/a.tgz https://x/a.tgz\n',
    'FROM debian\nRUN curl --fail-with-body https://x/a | tar xz\n',
    { name: 'output not used', code: 'FROM debian\nRUN curl https://x/ping\n' },
    { name: 'head request', code: 'FROM debian\nRUN curl -I https://x/ > /tmp/headers\n' },
    'FROM debian\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n',
    'FROM debian\nHEALTHCHECK CMD ["curl", "-sf", "http://localhost/"]\n',
    'FROM debian\nRUN wget -O- https://x/install.sh | sh\n',
  ],
  invalid: [
    {
      code: 'FROM debian\nRUN curl -sSL https://x/install.sh | sh\n',
      errors: [{ line: 2, column: 5, endColumn: 35 }],
      unsafeOutput: 'FROM debian\nRUN curl -f -sSL https://x/install.sh | sh\n',
    },
    {
      name: 'saved to a file, continuation lines',
      code: 'FROM debian\nRUN set -eux; \\\n    curl -L -o /tmp/a.tgz https://x/a.tgz \\\n && tar xzf /tmp/a.tgz\n',
      errors: [{ line: 3, column: 5 }],
      unsafeOutput: 'FROM debian\nRUN set -eux; \\\n    curl -f -L -o /tmp/a.tgz https://x/a.tgz \\\n && tar xzf /tmp/a.tgz\n',
    },
    {
      name: 'redirect and command substitution',
      code: 'FROM debian\nRUN curl -s https://x/key > /etc/key && V="$(curl -s https://x/version)"\n',
      errors: 2,
      unsafeOutput: 'FROM debian\nRUN curl -f -s https://x/key > /etc/key && V="$(curl -f -s https://x/version)"\n',
    },
    {
      name: 'heredoc script',
      code: 'FROM debian\nRUN <<EOF\nset -e\ncurl -sL https://x/a.tgz | tar xz\nEOF\n',
      errors: [{ line: 4 }],
      unsafeOutput: 'FROM debian\nRUN <<EOF\nset -e\ncurl -f -sL https://x/a.tgz | tar xz\nEOF\n',
    },
    {
      name: 'ONBUILD trigger, sudo',
      code: 'FROM debian\nONBUILD RUN sudo curl -O https://x/a.tgz\n',
      errors: 1,
      unsafeOutput: 'FROM debian\nONBUILD RUN sudo curl -f -O https://x/a.tgz\n',
    },
    {
      name: 'multi-stage: every stage is checked',
      code: 'FROM debian AS fetch\nRUN curl -o /a https://x/a\nFROM scratch\nCOPY --from=fetch /a /a\n',
      errors: [{ line: 2 }],
      unsafeOutput: 'FROM debian AS fetch\nRUN curl -f -o /a https://x/a\nFROM scratch\nCOPY --from=fetch /a /a\n',
    },
    {
      name: 'ARG-resolved URL does not matter',
      code: 'FROM debian\nARG URL=https://x/a\nRUN curl -s "$URL" | sh\n',
      errors: 1,
      unsafeOutput: 'FROM debian\nARG URL=https://x/a\nRUN curl -f -s "$URL" | sh\n',
    },
    {
      name: '-q (no ~/.curlrc) only works as the first argument: -f goes after it',
      code: 'FROM debian\nRUN curl -q -sSL https://x/a | sh && curl -qs -o /a https://x/a && sudo curl --disable -o /b https://x/b\n',
      errors: 3,
      unsafeOutput: 'FROM debian\nRUN curl -q -f -sSL https://x/a | sh && curl -qs -f -o /a https://x/a && sudo curl --disable -f -o /b https://x/b\n',
    },
    {
      name: 'a -q that is not first stays where it is',
      code: 'FROM debian\nRUN curl -s -q https://x/a | sh\n',
      errors: 1,
      unsafeOutput: 'FROM debian\nRUN curl -f -s -q https://x/a | sh\n',
    },
    {
      name: 'health check with -q',
      code: 'FROM debian\nHEALTHCHECK CMD curl -q http://localhost/ || exit 1\n',
      errors: 1,
      unsafeOutput: 'FROM debian\nHEALTHCHECK CMD curl -q -f http://localhost/ || exit 1\n',
    },
    { name: 'exec form: no fix', code: 'FROM debian\nRUN ["curl", "-o", "/a", "https://x/a"]\n', errors: 1 },
    {
      name: 'health check',
      code: 'FROM debian\nHEALTHCHECK --interval=5s CMD curl -s http://localhost/ || exit 1\n',
      errors: [{ line: 2, column: 31 }],
      unsafeOutput: 'FROM debian\nHEALTHCHECK --interval=5s CMD curl -f -s http://localhost/ || exit 1\n',
    },
    { name: 'health check, exec form', code: 'FROM debian\nHEALTHCHECK CMD ["curl", "http://localhost/"]\n', errors: 1 },
  ],
});
