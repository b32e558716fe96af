import rule from '../../rules/copied-archive-extracted.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nCOPY app.tar /srv/\n',
    'FROM debian:12\nCOPY package.json /srv/\nRUN tar -xf other.tar\n',
    { name: 'from another stage', code: 'FROM debian:12 AS b\nFROM debian:12\nCOPY --from=b /out/app.tar /srv/app.tar\nRUN tar -xf /srv/app.tar\n' },
    { name: 'zip is not unpacked by ADD', code: 'FROM debian:12\nCOPY app.zip /srv/\nRUN unzip /srv/app.zip\n' },
    { name: 'creating an archive', code: 'FROM debian:12\nCOPY app.tar /srv/\nRUN tar -cf /srv/app.tar /etc\n' },
    { name: 'copied in another stage', code: 'FROM debian:12\nCOPY app.tar /srv/\nFROM debian:12\nRUN tar -xf /srv/app.tar\n' },
  ],
  invalid: [
    { code: 'FROM debian:12\nCOPY app.tar.gz /srv/\nRUN tar -xzf /srv/app.tar.gz -C /srv\n', errors: [{ line: 3, column: 5, endColumn: 37 }] },
    { name: 'old-style flags after WORKDIR', code: 'FROM debian:12\nCOPY dist/app.tgz /srv/\nWORKDIR /srv\nRUN echo hi && tar xzf app.tgz\n', errors: 1 },
    { name: 'renamed by the destination', code: 'FROM debian:12\nCOPY build/out.tar /tmp/app.tar\nRUN tar --extract --file=/tmp/app.tar\n', errors: 1 },
    { name: 'heredoc', code: 'FROM debian:12\nCOPY app.tar /srv/\nRUN <<EOF\ntar -xf /srv/app.tar\nEOF\n', errors: [{ line: 4 }] },
  ],
});
