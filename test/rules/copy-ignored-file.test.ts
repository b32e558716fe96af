import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import rule from '../../rules/copy-ignored-file.ts';
import { loadContext } from '../../src/model/index.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

const dir = mkdtempSync(join(tmpdir(), 'copy-ignored-file-'));
writeFileSync(join(dir, '.dockerignore'), '*.md\n!README.md\n*/tmp/*\nsecrets\n');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const options = { context: loadContext(dir) };
/** a context of its own with this .dockerignore */
function contextWith(dockerignore: string) {
  const own = mkdtempSync(join(dir, 'ctx-'));
  writeFileSync(join(own, '.dockerignore'), dockerignore);
  return loadContext(own);
}

ruleTester(rule, {
  valid: [
    { code: 'FROM alpine\nCOPY README.md app.js /app/\n', options },
    { name: 'no context known', code: 'FROM alpine\nCOPY CHANGES.md /app/\n' },
    { name: 'from another stage', code: 'FROM alpine AS a\nFROM alpine\nCOPY --from=a CHANGES.md /x\n', options },
    { name: 'URL source', code: 'FROM alpine\nADD https://example.com/secrets /x\n', options },
    { name: 'heredoc source', code: 'FROM alpine\nCOPY <<EOF /x.md\nhi\nEOF\n', options },
    { name: 'the whole context', code: 'FROM alpine\nCOPY . /app\n', options },
    { name: 'a path above the context', code: 'FROM alpine\nCOPY ../x a/../../y /app\n', options },
    { name: 'the whole context, * re-included from', code: 'FROM alpine\nCOPY . /app\n', options: { context: contextWith('*\n!src\n') } },
  ],
  invalid: [
    {
      code: 'FROM alpine\nCOPY CHANGES.md ./tmp/x.txt /app/\n',
      options,
      errors: [{ message: "'CHANGES.md' is excluded by .dockerignore, so COPY cannot find it in the build context", line: 2, column: 6, endColumn: 16 }],
    },
    {
      name: 'ARG-resolved source, ADD, leading ./ and trailing slash',
      code: 'FROM alpine\nARG dir=secrets\nADD ./${dir}/ /etc/app/\n',
      options,
      errors: [{ message: /'\.\/secrets\/' is excluded/, line: 3 }],
    },
    {
      name: 'the whole context, when * excludes everything',
      code: 'FROM alpine\nCOPY . /app\n',
      options: { context: contextWith('*\n') },
      errors: [{ message: 'every file of the build context is excluded by .dockerignore, so COPY cannot find it in the build context', line: 2 }],
    },
    {
      name: 'a nested path under an ignored pattern',
      code: 'FROM alpine\nCOPY src/tmp/a.txt /a\n',
      options,
      errors: 1,
    },
  ],
});
