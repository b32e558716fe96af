/**
 * Spawned by bench lint: the corpus linted once in a fresh process, as the CLI does it
 * (V8 has optimised nothing yet, and the CLI's V8 settings apply), beside the warm passes measured in the bench's own process.
 * Prints the milliseconds of the pass.
 */
import { built, loadCorpus } from './corpus.ts';

const files = loadCorpus();
// the V8 settings the CLI's entry sets for a run that lints once (src/cli/v8-tuning.ts)
const { tuneForOneShotRun } = await built<typeof import('../src/cli/v8-tuning.ts')>('src/cli/v8-tuning.ts');
tuneForOneShotRun([]);
const { getLinter } = await built<typeof import('../src/linter/index.ts')>('src/linter/index.ts');
const linter = getLinter();
const start = performance.now();
for (const f of files) linter.lint(f.text, { filePath: f.path });
console.log(performance.now() - start);
