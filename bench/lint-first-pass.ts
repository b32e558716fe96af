/**
 * Spawned by bench lint: the corpus linted once in a fresh process, as the CLI does it
 * (V8 has optimised nothing yet), beside the warm passes measured in the bench's own process.
 * Prints the milliseconds of the pass.
 */
import { built, loadCorpus } from './corpus.ts';

const files = loadCorpus();
const { getLinter } = await built<typeof import('../src/linter/index.ts')>('src/linter/index.ts');
const linter = getLinter();
const start = performance.now();
for (const f of files) linter.lint(f.text, { filePath: f.path });
console.log(performance.now() - start);
