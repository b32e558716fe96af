/**
 * The version-tag fixes of base-image-latest and base-image-untagged (src/fix/image-pin.ts):
 * with images resolved, `latest` or no tag becomes the most specific version tag that names
 * the same image now. Their findings are tested with the rules; these cases are about the fix.
 */
import latest from '../../rules/base-image-latest.ts';
import untagged from '../../rules/base-image-untagged.ts';
import { staticLookup } from '../helpers/image-lookup.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

const images = staticLookup({}, {
  'node:latest': ['22.11.0', '22.11', '22'],
  node: ['22.11.0', '22.11', '22'],
  'registry.example.com:5000/team/app:latest': ['1.4'],
  'registry.example.com:5000/team/app': ['1.4'],
  'busybox:latest': [],
});
const resolved = { images };

ruleTester(latest, {
  valid: [
    { name: 'a version tag', code: 'FROM node:22.11.0\n', options: resolved },
    // the tag the FROM line writes is a parameter: latest is only its default for a bare local build
    { name: 'latest from an ARG default: not reported', code: 'ARG V=latest\nFROM node:${V}\n', options: resolved },
  ],
  invalid: [
    { name: 'not resolved: no fix', code: 'FROM node:latest\n', errors: 1 },
    { name: 'latest: the most specific version', code: 'FROM node:latest AS app\n', options: resolved, errors: 1, unsafeOutput: 'FROM node:22.11.0 AS app\n' },
    { name: 'a registry with a port', code: 'FROM registry.example.com:5000/team/app:latest\n', options: resolved, errors: 1, unsafeOutput: 'FROM registry.example.com:5000/team/app:1.4\n' },
    { name: 'no version tag names the same image', code: 'FROM busybox:latest\n', options: resolved, errors: 1 },
  ],
});

ruleTester(untagged, {
  valid: [{ name: 'tagged', code: 'FROM node:22\n', options: resolved }],
  invalid: [
    { name: 'not resolved: no fix', code: 'FROM node\n', errors: 1 },
    { name: 'no tag: the most specific version added', code: 'FROM node\nRUN node --version\n', options: resolved, errors: 1, unsafeOutput: 'FROM node:22.11.0\nRUN node --version\n' },
    { name: 'a registry with a port', code: 'FROM registry.example.com:5000/team/app\n', options: resolved, errors: 1, unsafeOutput: 'FROM registry.example.com:5000/team/app:1.4\n' },
    // recommended leaves an image named by a build argument alone; hadolint reports it, and no fix edits it
    { name: 'the image from an ARG: not edited', code: 'ARG IMAGE=node\nFROM ${IMAGE}\n', options: { ...resolved, preset: 'hadolint' as const }, errors: 1 },
  ],
});
