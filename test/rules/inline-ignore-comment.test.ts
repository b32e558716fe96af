import rule from '../../rules/inline-ignore-comment.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

const on = { rules: { 'inline-ignore-comment': 'info' as const } };

ruleTester(rule, {
  valid: [
    { name: 'off by default', code: '# hadolint ignore=DL3003\nFROM debian:12\n', options: { enableAll: false } },
    { name: 'other pragma', code: '# hadolint shell=powershell\nFROM debian:12\n', options: on },
    { name: 'plain comment', code: '# foobar\nFROM debian:12\n', options: on },
  ],
  invalid: [
    { code: 'FROM debian:12\n# hadolint ignore=DL3003\nRUN cd /x\n', options: on, errors: [{ line: 2, column: 1 }] },
    { name: 'own and global forms', code: '# tslint-docker global ignore=sudo-in-run\nFROM debian:12\n# tslint-docker stage ignore=user-root\nUSER root\n', options: on, errors: 2 },
  ],
});
