import rule from '../../rules/npm-pin-versions.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM node:22\nRUN npm install\n',
    'FROM node:22\nRUN npm ci\n',
    'FROM node:22\nRUN npm install express@4.21.1 @scope/pkg@1.0.0\n',
    'FROM node:22\nRUN npm install ./local ../other ~/pkg /abs pkg-1.0.0.tgz\n',
    'FROM node:22\nRUN npm install git+https://github.com/npm/cli.git#v10.9.0\n',
    'FROM node:22\nRUN npm run --silent install\n',
    { name: 'flag value is not a package', code: 'FROM node:22\nRUN npm install --registry https://r.example.com sax@1.4.1\n' },
  ],
  invalid: [
    { code: 'FROM node:22\nRUN npm install express\n', errors: [{ line: 2, column: 17, endColumn: 24 }] },
    { name: 'scoped', code: 'FROM node:22\nRUN npm i -g @scope/pkg\n', errors: 1 },
    { name: 'git without ref', code: 'FROM node:22\nRUN npm install git://github.com/npm/cli.git\n', errors: 1 },
    { name: 'ONBUILD', code: 'FROM node:22\nONBUILD RUN npm install express\n', errors: 1 },
    { name: 'heredoc', code: 'FROM node:22\nRUN <<EOF\nnpm install -g typescript\nEOF\n', errors: [{ line: 3 }] },
  ],
});
