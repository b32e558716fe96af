/**
 * Spawned by bench lint (and bench/compare-builds.ts): the corpus linted once in a fresh
 * process, as the CLI does it (V8 has optimised nothing yet, and the CLI's V8 settings apply),
 * beside the warm passes measured in the bench's own process. Prints the milliseconds of the
 * pass. With a checkout's path as its argument, it measures that checkout's build.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_LINT_OPTIONS, built, loadCorpus } from './corpus.ts';

const root = process.argv[2];

const files = loadCorpus();
// the V8 settings the CLI's entry sets for a run that lints once (src/cli/v8-tuning.ts), in
// builds that have them
if (root === undefined || existsSync(join(root, 'dist/src/cli/v8-tuning.js'))) {
  const tuning = await built<typeof import('../src/cli/v8-tuning.ts')>('src/cli/v8-tuning.ts', root);
  tuning.tuneForOneShotRun([]);
  // the CLI sets the chosen flags after its first files; builds before that set them at once
  tuning.applyOneShotFlags?.();
}
const { getLinter } = await built<typeof import('../src/linter/index.ts')>('src/linter/index.ts', root);
const linter = getLinter();
const start = performance.now();
for (const f of files) linter.lint(f.text, { ...BENCH_LINT_OPTIONS, filePath: f.path });
console.log(performance.now() - start);
