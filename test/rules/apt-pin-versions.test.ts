import rule from '../../rules/apt-pin-versions.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get install -y curl=7.88.1-10+deb12u8 git=1:2.39.*\n',
    'FROM debian:12\nRUN apt-get install -y ./pkg_1.0_amd64.deb\n',
    { name: 'target release value is not a package', code: 'FROM debian:12\nRUN apt-get install -y -t bookworm-backports curl=8.0\n' },
    { name: 'package from a variable', code: 'FROM debian:12\nRUN apt-get install -y "$PKG"\n' },
  ],
  invalid: [
    { code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n', errors: [{ line: 2, column: 42, endColumn: 46 }] },
    { name: 'one of several', code: 'FROM debian:12\nRUN apt-get install -y \\\n  curl=7.88 \\\n  git\n', errors: [{ line: 4, message: /`git`/ }] },
    { name: 'ONBUILD', code: 'FROM debian:12\nONBUILD RUN apt-get install -y curl\n', errors: 1 },
    { name: 'heredoc', code: 'FROM debian:12\nRUN <<EOF\napt install -y curl\nEOF\n', errors: [{ line: 3 }] },
    {
      name: 'many packages: one finding, names truncated, spanning the unpinned ones',
      code: 'FROM debian:12\nRUN apt-get install -y \\\n  a \\\n  b=1 \\\n  c d e f g\n',
      errors: [{ line: 3, column: 3, endLine: 5, endColumn: 12, message: 'Pin the versions of `a`, `c`, `d`, `e`, `f` and 1 more: `apt-get install a=<version>`' }],
    },
    { name: 'two installs in one RUN: one finding each', code: 'FROM debian:12\nRUN apt-get install -y curl && apt-get install -y git\n', errors: [{ column: 24 }, { column: 51 }] },
    { name: 'hadolint preset: one finding per RUN', code: 'FROM debian:12\nRUN apt-get install -y curl && apt-get install -y git\n', options: { preset: 'hadolint' }, errors: [{ column: 24 }] },
  ],
});
