import rule from '../../rules/add-instead-of-copy.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM debian:bookworm\nADD file.tar.gz /usr/src/app/\n',
    'FROM debian:bookworm\nADD "file.tgz" /usr/src/app/\n',
    'FROM debian:bookworm\nADD https://example.com/tool /usr/local/bin/tool\n',
    'FROM debian:bookworm\nADD git@github.com:moby/buildkit.git /src\n',
    'FROM debian:bookworm\nADD --checksum=sha256:0123 file /x\n',
    { name: 'archive and plain file together: ADD still needed', code: 'FROM debian:bookworm\nADD app.tar.xz app.conf /opt/\n' },
    { name: 'URL from an ARG', code: 'FROM debian:bookworm\nARG URL=https://example.com/x\nADD $URL /x\n' },
    { name: 'ARG without a value', code: 'FROM debian:bookworm\nARG SRC\nADD $SRC /x\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:bookworm\nADD app.conf /etc/app/\n',
      errors: [{ line: 2, column: 1, endColumn: 4 }],
      output: 'FROM debian:bookworm\nCOPY app.conf /etc/app/\n',
    },
    {
      name: 'zip is not unpacked by ADD; lower-case keyword and flags kept',
      code: 'FROM debian:bookworm\nadd --chown=app "file.zip" /usr/src/app/\n',
      errors: 1,
      output: 'FROM debian:bookworm\ncopy --chown=app "file.zip" /usr/src/app/\n',
    },
    {
      name: 'source resolved from an ARG',
      code: 'FROM debian:bookworm\nARG CONF=app.conf\nADD ${CONF} /etc/\n',
      errors: 1,
      output: 'FROM debian:bookworm\nARG CONF=app.conf\nCOPY ${CONF} /etc/\n',
    },
    {
      name: 'heredoc source',
      code: 'FROM debian:bookworm\nADD <<EOF /etc/motd\nhello\nEOF\n',
      errors: 1,
      output: 'FROM debian:bookworm\nCOPY <<EOF /etc/motd\nhello\nEOF\n',
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM debian:bookworm\nONBUILD ADD . /app/\n',
      errors: 1,
      output: 'FROM debian:bookworm\nONBUILD COPY . /app/\n',
    },
    {
      name: 'exec form, in a later stage',
      code: 'FROM debian:bookworm AS a\nFROM a\nADD ["a b.txt", "/dst/"]\n',
      errors: [{ line: 3 }],
      output: 'FROM debian:bookworm AS a\nFROM a\nCOPY ["a b.txt", "/dst/"]\n',
    },
  ],
});
