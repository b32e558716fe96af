import rule from '../../rules/sudo-in-run.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get install -y sudo\n',
    'FROM debian:12\nRUN echo sudo\n',
    { name: 'exec-form CMD is not a RUN', code: 'FROM debian:12\nCMD ["sudo", "x"]\n' },
    { name: 'under a non-root USER sudo escalates for one step', code: 'FROM debian:12\nUSER app\nRUN sudo apt-get update\n' },
    { name: 'an image whose user is unknown (a devcontainer with passwordless sudo)', code: 'FROM mcr.microsoft.com/devcontainers/base:bookworm\nRUN sudo apt-get update\n' },
    { name: 'sudo -u drops privileges for one step', code: 'FROM debian:12\nRUN sudo -u app npm install\nRUN sudo --user=app make\n' },
    { name: 'a stage built on a stage that set a non-root USER', code: 'FROM debian:12 AS base\nUSER app\nFROM base\nRUN sudo make install\n' },
    { name: 'an ONBUILD trigger runs as the user of an image not known here', code: 'FROM debian:12\nONBUILD RUN sudo make install\n' },
  ],
  invalid: [
    { code: 'FROM debian:12\nRUN sudo apt-get update\n', errors: [{ line: 2, column: 5, endColumn: 9 }] },
    { name: 'chained', code: 'FROM debian:12\nRUN apt-get update && sudo apt-get install -y x\n', errors: 1 },
    { name: 'hadolint preset: ONBUILD', code: 'FROM debian:12\nONBUILD RUN sudo make install\n', options: { preset: 'hadolint' }, errors: 1 },
    { name: 'hadolint preset: every sudo, as DL3004', code: 'FROM debian:12\nUSER app\nRUN sudo -u app make\n', options: { preset: 'hadolint' }, errors: [{ message: /set USER for the steps that need root/ }] },
    { name: 'back to USER root: sudo does nothing', code: 'FROM debian:12\nUSER app\nUSER root\nRUN sudo make install\n', errors: [{ line: 4, message: /already runs as root/ }] },
    { name: 'an ONBUILD USER applies to a later image', code: 'FROM debian:12\nONBUILD USER app\nRUN sudo make install\n', errors: 1 },
    { name: 'a stage built on a root stage', code: 'FROM node:22 AS base\nFROM base\nRUN sudo npm install\n', errors: 1 },
    { name: 'heredoc', code: 'FROM debian:12\nRUN <<EOF\nsudo make install\nEOF\n', errors: [{ line: 3 }] },
    { name: 'exec form', code: 'FROM debian:12\nRUN ["sudo", "make"]\n', errors: 1 },
  ],
});
