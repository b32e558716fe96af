import { fileURLToPath } from 'node:url';
import rule from '../../rules/add-instead-of-copy.ts';
import { loadContext } from '../../src/model/index.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

// `bundle`: a gzipped tar without an extension; `notes`: plain text
const context = { context: loadContext(fileURLToPath(new URL('../fixtures/context/add-archive', import.meta.url))) };

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
    { name: 'the context shows a tar archive without an extension: ADD unpacks it', code: 'FROM debian:bookworm\nADD bundle /opt/bundle/\n', options: context },
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
      name: 'a file without an extension may be a tar archive, which ADD unpacks: unsafe without the context',
      code: 'FROM debian:bookworm\nADD bundle /opt/bundle/\n',
      errors: 1,
      unsafeOutput: 'FROM debian:bookworm\nCOPY bundle /opt/bundle/\n',
    },
    {
      name: 'the context shows a plain file without an extension: safe',
      code: 'FROM debian:bookworm\nADD notes /opt/\n',
      options: context,
      errors: 1,
      output: 'FROM debian:bookworm\nCOPY notes /opt/\n',
    },
    {
      name: 'a folder named with a trailing slash is safe',
      code: 'FROM debian:bookworm\nADD src/ /app/src/\n',
      errors: 1,
      output: 'FROM debian:bookworm\nCOPY src/ /app/src/\n',
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
