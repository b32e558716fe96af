import rule from '../../rules/base-image-latest.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM node:22-bookworm-slim\n',
    'FROM node\n',
    { name: 'latest pinned by a digest', code: 'FROM node:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n' },
    // the project's build passes the tag; latest is only what a bare local build gets
    { name: 'tag from a build argument', code: 'ARG VERSION=latest\nFROM selenium/base:${VERSION}\n' },
    { name: 'image from a build argument', code: 'ARG GO_IMAGE=golang:latest\nFROM ${GO_IMAGE} AS golang\n' },
    { name: 'a stage named latest is not a tag', code: 'FROM debian:12 AS latest\nFROM latest\n' },
  ],
  invalid: [
    { code: 'FROM node:latest\n', errors: [{ line: 1, column: 6, endColumn: 17 }] },
    { name: 'written latest after a variable registry', code: 'ARG REGISTRY=docker.io\nFROM ${REGISTRY}/library/node:latest AS base\n', errors: [{ line: 2, column: 6 }] },
    { name: 'later stage', code: 'FROM golang:1.23 AS build\nFROM alpine:latest\n', errors: [{ line: 2 }] },
  ],
});
