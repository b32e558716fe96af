import rule from '../../rules/user-non-numeric.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

const hadolint = { preset: 'hadolint' } as const;

ruleTester(rule, {
  valid: [
    'FROM debian\nUSER 10001\n',
    'FROM debian\nUSER 10001:10001\n',
    { name: 'unknown ARG', code: 'ARG APP_UID\nFROM debian\nUSER ${APP_UID}\n' },
    { name: 'numeric ARG', code: 'FROM debian\nARG UID=1000\nUSER $UID:$UID\n' },
    { name: 'root is uid 0 everywhere (user-root judges it)', code: 'FROM debian\nUSER root\n' },
    { name: 'a USER a later one overrides', code: 'FROM debian\nUSER app\nRUN make\nUSER 1000\n' },
    { name: 'a stage only copied from', code: 'FROM debian AS build\nUSER builder\nRUN make\nFROM debian\nCOPY --from=build /out /out\nUSER 1000\n' },
    { name: 'Windows accounts', code: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nUSER ContainerUser\n' },
    { name: 'Windows image', code: 'FROM mcr.microsoft.com/powershell:nanoserver-1809\nUSER someone\n' },
    { name: 'ONBUILD USER does not set this image\'s user', code: 'FROM debian\nARG U=app\nONBUILD USER $U\n' },
  ],
  invalid: [
    {
      code: 'FROM debian\nUSER app\n',
      errors: [{ line: 2, column: 6, endColumn: 9, message: 'Use a numeric id instead of `app`: Kubernetes\' runAsNonRoot cannot verify a named user, and names may not resolve outside the image' }],
    },
    { code: 'FROM debian\nUSER 1000:staff\n', errors: [{ message: /`staff`/ }] },
    { name: 'ARG-resolved, inherited by the final stage', code: 'FROM debian AS base\nARG U=app\nUSER $U\nFROM base\nRUN true\n', errors: [{ line: 3 }] },
    { name: 'a stage nothing uses can be built with --target', code: 'FROM debian AS dev\nUSER dev\nFROM debian\nUSER 1000\n', errors: [{ line: 2 }] },
    // hadolint's DL3066: every USER
    { name: 'hadolint: root and overridden USERs too', code: 'FROM debian\nUSER root\nRUN make\nUSER app\nUSER 1000\n', options: hadolint, errors: [{ line: 2 }, { line: 4 }] },
    { name: 'hadolint: ONBUILD', code: 'FROM debian\nARG U=app\nONBUILD USER $U\n', options: hadolint, errors: 1 },
  ],
});
