import rule from '../../rules/invalid-default-arg-in-from.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'ARG TAG=1.37\nFROM busybox:${TAG}\n',
    'ARG TAG\nFROM busybox:${TAG:-latest}\n',
    'ARG REGISTRY=ghcr.io/acme\nFROM ${REGISTRY}/app:1@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n',
    'ARG VARIANT\nFROM node:22${VARIANT}\n',
    { name: 'no ARG in the FROM', code: 'FROM busybox:\n' },
    { name: 'BuildKit sets the platform ARGs', code: 'FROM scratch AS binary-linux\nFROM scratch AS binary-windows\nFROM binary-$TARGETOS AS binary\n' },
    { name: 'a platform ARG declared without a default still has its value', code: 'ARG TARGETARCH\nFROM busybox:1.37-${TARGETARCH}${TARGETVARIANT}\n' },
    { name: 'a required argument (declared without a default): the build passes it', code: 'ARG base\nFROM ${base}\n' },
    { name: 'an undeclared variable is undefined-arg-in-from\'s finding', code: 'FROM alpine:$ALPINE_VERSION\n' },
    { name: 'a required argument with --build-arg: still the defaults that count', options: { buildArgs: { base: 'alpine' } }, code: 'ARG base\nFROM ${base}\n' },
  ],
  invalid: [
    {
      name: 'buildkit preset: an ARG without a default is empty',
      options: { preset: 'buildkit' },
      code: 'ARG TAG\nFROM busybox:${TAG}\n',
      errors: [{ message: 'Default value for ARG busybox:${TAG} results in empty or invalid base image name', line: 2, column: 6, endColumn: 20 }],
    },
    {
      name: 'buildkit preset: an empty image',
      options: { preset: 'buildkit' },
      code: 'ARG IMAGE\nFROM $IMAGE AS base\n',
      errors: 1,
    },
    {
      name: 'buildkit preset: a platform ARG does not fill in another ARG',
      options: { preset: 'buildkit' },
      code: 'ARG DEBUG\nFROM build-$TARGETOS${DEBUG:+-debug}:${DEBUG}\n',
      errors: [{ message: 'Default value for ARG build-$TARGETOS${DEBUG:+-debug}:${DEBUG} results in empty or invalid base image name' }],
    },
    {
      name: 'buildkit preset: a --build-arg does not stand in for the default (BuildKit checks the file alone)',
      options: { preset: 'buildkit', buildArgs: { TAG: '1.37' } },
      code: 'ARG TAG\nFROM busybox:${TAG}\n',
      errors: 1,
    },
    {
      name: 'a default that is not a valid name, whatever --build-arg passes',
      options: { buildArgs: { NAME: 'alpine' } },
      code: 'ARG NAME=My_Image\nFROM ${NAME}\n',
      errors: [{ message: "With the ARG defaults, the base image name 'My_Image' is empty or invalid" }],
    },
    {
      name: 'a default that is not a valid name',
      code: 'ARG NAME=My_Image\nFROM ${NAME}\n',
      errors: [{ message: "With the ARG defaults, the base image name 'My_Image' is empty or invalid" }],
    },
  ],
});
