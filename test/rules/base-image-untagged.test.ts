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
    { name: 'a build argument names the image: the build passes it', code: 'ARG BASE=node\nFROM ${BASE}\n' },
    { name: 'a one-word name that is no official image is built locally', code: 'FROM iis\n' },
    { name: 'the repository names its release', code: 'FROM redhat/ubi9-minimal\nFROM registry.access.redhat.com/rhel7\nFROM gcr.io/distroless/static-debian12\n' },
  ],
  invalid: [
    { code: 'FROM debian\n', errors: [{ line: 1, column: 6, endColumn: 12 }] },
    { name: 'with a stage name', code: 'FROM debian AS builder\n', errors: 1 },
    { name: 'registry with port, no tag', code: 'FROM localhost:5000/app\n', errors: 1 },
    { name: 'ARG resolved', code: 'ARG BASE=node\nFROM ${BASE}\n', options: { preset: 'hadolint' }, errors: [{ line: 2, message: /`node` has no tag/ }] },
    { name: 'hadolint preset: every untagged name, as DL3006', code: 'FROM iis\nFROM redhat/ubi9-minimal\n', options: { preset: 'hadolint' }, errors: [{ line: 1 }, { line: 2 }] },
    { name: 'a tag built from an argument still needs the name pinned', code: 'ARG REG=docker.io\nFROM ${REG}/library/node\n', errors: [{ line: 2 }] },
    {
      name: 'distroless has no version tags: ask for the Debian release',
      code: 'FROM gcr.io/distroless/static\n',
      errors: [{ message: /name the Debian release \(`gcr\.io\/distroless\/static-debian12`\) or pin a digest/ }],
    },
    { name: 'second stage', code: 'FROM golang:1.23 AS build\nFROM node AS test\n', errors: [{ line: 2 }] },
  ],
});
