#!/usr/bin/env node
// The CLI runs from the bundled build (npm install / npm run build makes dist/).
import module from 'node:module';

// Node >= 22.1 keeps compiled code between runs: a faster start for every later run
module.enableCompileCache?.();

// a reader that closed the pipe early (`| head`) is not an error of ours: the rest of the
// output goes nowhere (src/cli/io.ts stops writing), and the run ends with its own exit code
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

const { main, tuneForOneShotRun } = await import('../dist/bundle/main.js');
// before any linting: the V8 flags for a run that lints once and exits, set once it has files enough (src/cli/v8-tuning.ts)
tuneForOneShotRun(process.argv.slice(2));
const code = await main(process.argv.slice(2));
// -1: a long-running command (the language server) keeps the process alive
if (code >= 0) process.exitCode = code;
