// Spawned by bench lint: the corpus linted once in a fresh process, as the CLI does it
// (V8 has optimised nothing yet), beside the warm passes measured in the bench's own process.
// Args: the corpus directory. Prints the milliseconds of the pass.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
const files = readdirSync(dir).filter((f) => f !== 'README.md').sort()
  .map((name) => ({ path: join(dir, name), text: readFileSync(join(dir, name), 'utf8') }));
const { getLinter } = await import(new URL('../dist/src/linter/index.js', import.meta.url).href);
const linter = getLinter();
const start = performance.now();
for (const f of files) linter.lint(f.text, { filePath: f.path });
console.log((performance.now() - start).toFixed(1));
