import rule from '../../rules/undefined-arg-in-from.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'ARG VARIANT=-alpine\nFROM node:22${VARIANT}\n',
    'ARG TAG\nFROM alpine:${TAG:-3.20}\n',
    'FROM --platform=$BUILDPLATFORM golang:1.23 AS build\n',
    { name: 'a stage name after ARG resolution', code: 'ARG BASE=build\nFROM alpine AS build\nFROM ${BASE}\n' },
  ],
  invalid: [
    {
      code: 'FROM node:22${VARIANT} AS jsbuilder\n',
      errors: [{ message: "FROM uses ARG 'VARIANT', which is not declared before the first FROM", line: 1, column: 13, endColumn: 23 }],
    },
    {
      name: 'a misspelt platform ARG',
      code: 'FROM --platform=$BULIDPLATFORM golang:1.23\n',
      errors: [{ message: /did you mean BUILDPLATFORM\?/, column: 17 }],
    },
    {
      name: 'an ARG declared inside a stage does not count',
      code: 'FROM alpine\nARG TAG=1\nFROM debian:$TAG\n',
      errors: [{ line: 3 }],
    },
  ],
});
