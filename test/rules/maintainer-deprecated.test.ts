import rule from '../../rules/maintainer-deprecated.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nLABEL org.opencontainers.image.authors="Jane"\n',
  ],
  invalid: [
    {
      code: 'FROM debian:12\nMAINTAINER Jane Doe <jane@example.com>\nRUN true\n',
      errors: [{ line: 2, column: 1, endColumn: 11 }],
      output: 'FROM debian:12\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\nRUN true\n',
    },
    {
      name: 'quotes and $ are escaped, CRLF and lower-case keyword kept',
      code: 'FROM debian:12\r\nmaintainer Jane "JD" $HOME\r\n',
      errors: 1,
      output: 'FROM debian:12\r\nlabel org.opencontainers.image.authors="Jane \\"JD\\" \\$HOME"\r\n',
    },
    {
      name: 'backtick escape directive',
      code: '# escape=`\nFROM w\nMAINTAINER a"b\n',
      errors: 1,
      output: '# escape=`\nFROM w\nLABEL org.opencontainers.image.authors="a`"b"\n',
    },
    { name: 'before FROM: reported, not fixed (LABEL is not allowed there)', code: 'MAINTAINER Lukas\nFROM debian\n', errors: 1 },
    { name: 'multi-stage: each MAINTAINER', code: 'FROM a AS x\nMAINTAINER A\nFROM b\nMAINTAINER B\n', errors: 2, output: 'FROM a AS x\nLABEL org.opencontainers.image.authors="A"\nFROM b\nLABEL org.opencontainers.image.authors="B"\n' },
  ],
});
