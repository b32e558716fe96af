import rule from '../../rules/go-version-not-pinned.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM golang\nRUN go install example.com/pkg@v1.2.3\n',
    'FROM golang\nRUN go install . ./cmd/... /go/app && go run main.go && go build ./...\n',
    'FROM golang\nRUN go run -tags netgo example.com/pkg@v1.2.3 --foo bar latest\n',
    { name: 'unknown value', code: 'FROM golang\nARG PKG\nRUN go install "$PKG"\n' },
  ],
  invalid: [
    { code: 'FROM golang\nRUN go install example.com/pkg\n', errors: [{ line: 2, column: 16, endColumn: 31, message: /Pin the version of `example.com\/pkg`/ }] },
    { code: 'FROM golang\nRUN go get -tool foobar@latest\n', errors: [{ message: /`@latest` is not a pin/ }] },
    {
      name: 'every package of go install, flags with values skipped',
      code: 'FROM golang\nRUN go install -ldflags "-s -w" a.com/x@v1 b.com/y@upgrade c.com/z\n',
      errors: [{ column: 44, endColumn: 67, message: 'Pin the versions of `b.com/y@upgrade` and `c.com/z`: `b.com/y@<version>` (`@upgrade` is not a pin)' }],
    },
    { name: 'ONBUILD, heredoc, env wrapper', code: 'FROM golang\nONBUILD RUN go run example.com/pkg\nRUN <<EOF\nenv CGO_ENABLED=0 go install x.org/y\nEOF\n', errors: [{ line: 2 }, { line: 4 }] },
  ],
});
