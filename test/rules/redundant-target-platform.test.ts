import rule from '../../rules/redundant-target-platform.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\n',
    'FROM --platform=$BUILDPLATFORM golang:1.23 AS build\n',
    'FROM --platform=linux/amd64 alpine:3.20\n',
    'FROM --platform=$TARGETPLATFORM-x alpine:3.20\n',
  ],
  invalid: [
    {
      code: 'FROM --platform=$TARGETPLATFORM alpine:3.20\n',
      errors: [{ line: 1, column: 6, endColumn: 32 }],
      output: 'FROM alpine:3.20\n',
    },
    {
      name: 'braced, in a later stage, AS kept',
      code: 'FROM golang:1.23 AS build\nFROM --platform=${TARGETPLATFORM}   alpine:3.20 AS run\n',
      errors: 1,
      output: 'FROM golang:1.23 AS build\nFROM alpine:3.20 AS run\n',
    },
    {
      name: 'a continuation after the flag stays',
      code: 'FROM --platform=$TARGETPLATFORM \\\n  alpine:3.20\n',
      errors: 1,
      output: 'FROM \\\n  alpine:3.20\n',
    },
  ],
});
