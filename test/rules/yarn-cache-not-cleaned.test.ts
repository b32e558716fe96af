import rule from '../../rules/yarn-cache-not-cleaned.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM node:22\nRUN yarn install && yarn cache clean\n',
    'FROM node:22\nRUN yarn build\n',
    'FROM node:22\nRUN yarn install && rm -rf /usr/local/share/.cache/yarn\n',
    'FROM node:22\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install\n',
    { name: 'a stage no image is built from', code: 'FROM node:22 AS deps\nRUN yarn install\nFROM node:22\nCOPY --from=deps /app/node_modules ./node_modules\n' },
  ],
  invalid: [
    {
      code: 'FROM node:22\nRUN yarn install --frozen-lockfile\n',
      errors: [{ line: 2, column: 5, endColumn: 35 }],
      unsafeOutput: 'FROM node:22\nRUN yarn install --frozen-lockfile && yarn cache clean\n',
    },
    {
      name: 'clean before install does not count; fix goes after the install in the chain',
      code: 'FROM node:22\nRUN yarn cache clean && yarn add left-pad \\\n && yarn build\n',
      errors: 1,
      unsafeOutput: 'FROM node:22\nRUN yarn cache clean && yarn add left-pad && yarn cache clean \\\n && yarn build\n',
    },
    {
      name: 'stage used as a base',
      code: 'FROM node:22 AS deps\nRUN yarn\nFROM deps\nRUN yarn build\n',
      errors: [{ line: 2 }],
      unsafeOutput: 'FROM node:22 AS deps\nRUN yarn && yarn cache clean\nFROM deps\nRUN yarn build\n',
    },
    {
      name: 'heredoc',
      code: 'FROM node:22\nRUN <<EOF\nyarn install\nyarn build\nEOF\n',
      errors: [{ line: 3 }],
      unsafeOutput: 'FROM node:22\nRUN <<EOF\nyarn install && yarn cache clean\nyarn build\nEOF\n',
    },
    { name: 'ONBUILD in an unused stage', code: 'FROM node:22 AS x\nONBUILD RUN yarn install\nFROM scratch\n', errors: 1, unsafeOutput: 'FROM node:22 AS x\nONBUILD RUN yarn install && yarn cache clean\nFROM scratch\n' },
    { name: 'cache mount elsewhere', code: 'FROM node:22\nRUN --mount=type=cache,target=/var/cache/x yarn install\n', errors: 1, unsafeOutput: 'FROM node:22\nRUN --mount=type=cache,target=/var/cache/x yarn install && yarn cache clean\n' },
    { name: 'in a condition: no fix', code: 'FROM node:22\nRUN yarn install || exit 1\n', errors: 1 },
    { name: 'exec form: no fix', code: 'FROM node:22\nRUN ["yarn", "install"]\n', errors: 1 },
  ],
});
