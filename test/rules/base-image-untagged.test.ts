import rule from '../../rules/base-image-untagged.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM debian:12\n',
    'FROM ruby@sha256:f1dbca0f5dbc9\n',
    'FROM scratch\n',
    { name: 'unknown variable', code: 'FROM ${BASE}\n' },
    { name: 'ARG without default', code: 'ARG BASE\nFROM ${BASE}\n' },
    { name: 'earlier stage', code: 'FROM golang:1.23 AS build\nFROM build AS test\n' },
    { name: 'registry with port and tag', code: 'FROM localhost:5000/app:1.2\n' },
  ],
  invalid: [
    { code: 'FROM debian\n', errors: [{ line: 1, column: 6, endColumn: 12 }] },
    { name: 'with a stage name', code: 'FROM debian AS builder\n', errors: 1 },
    { name: 'registry with port, no tag', code: 'FROM localhost:5000/app\n', errors: 1 },
    { name: 'ARG resolved', code: 'ARG BASE=node\nFROM ${BASE}\n', errors: [{ line: 2, message: /`node` has no tag/ }] },
    { name: 'second stage', code: 'FROM golang:1.23 AS build\nFROM node AS test\n', errors: [{ line: 2 }] },
  ],
});
