import rule from '../../rules/from-platform-constant.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM debian:jessie\n',
    'FROM --platform=$BUILDPLATFORM debian:jessie\n',
    'FROM --platform="${BUILDPLATFORM:-}" debian:jessie\n',
    'FROM --platform=$TARGETOS/$TARGETARCH debian:jessie\n',
    { name: 'a stage named for its platform', code: 'FROM --platform=linux/arm64 alpine AS build_arm64\nFROM --platform=linux/amd64 alpine AS build_amd64\nFROM build_${TARGETARCH}\n' },
    { name: 'an ARG can be set per build', code: 'ARG PLATFORM=linux/amd64\nFROM --platform=$PLATFORM debian:jessie\n' },
  ],
  invalid: [
    { code: 'FROM --platform=linux debian:jessie\n', errors: [{ line: 1, column: 6, endColumn: 22 }] },
    { name: 'in a later stage', code: 'FROM golang:1.23 AS build\nFROM --platform=linux/arm64 debian:bookworm\n', errors: [{ line: 2 }] },
  ],
});
