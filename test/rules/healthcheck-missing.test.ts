import rule from '../../rules/healthcheck-missing.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM nginx\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n',
    'FROM nginx\nHEALTHCHECK NONE\n',
    { name: 'inherited', code: 'FROM nginx AS base\nHEALTHCHECK CMD true\nFROM base\n' },
    { name: 'builder stages are not targets', code: 'FROM golang AS build\nFROM nginx\nCOPY --from=build /a /a\nHEALTHCHECK NONE\n' },
    { name: 'off by default', code: 'FROM nginx\n', options: { enableAll: false } },
  ],
  invalid: [
    { code: 'FROM nginx\n', options: { enableAll: true }, errors: [{ line: 1, column: 1, endColumn: 11 }] },
    { name: 'ONBUILD HEALTHCHECK is for the child', code: 'FROM nginx\nONBUILD HEALTHCHECK CMD true\n', options: { enableAll: true }, errors: 1 },
    { name: 'enabled in the config', code: 'FROM a AS base\nHEALTHCHECK CMD true\nFROM scratch\n', options: { rules: { 'healthcheck-missing': 'info' } }, errors: [{ line: 3 }] },
  ],
});
