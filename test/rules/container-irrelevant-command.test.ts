import rule from '../../rules/container-irrelevant-command.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get install -y ssh vim\n',
    'FROM debian:12\nRUN echo top\n',
    { name: 'command -v only looks it up', code: 'FROM debian:12\nRUN command -v ps\n' },
  ],
  invalid: [
    { code: 'FROM debian:12\nRUN top\n', errors: [{ line: 2, column: 5, endColumn: 8 }] },
    { name: 'through sudo', code: 'FROM debian:12\nRUN sudo service nginx start\n', errors: [{ message: /`service`/ }] },
    { name: 'ONBUILD', code: 'FROM debian:12\nONBUILD RUN top\n', errors: 1 },
    { name: 'heredoc', code: 'FROM debian:12\nRUN <<EOF\nmount /dev/sda1 /mnt\nEOF\n', errors: [{ line: 3 }] },
  ],
});
