#!/usr/bin/env node
// The CLI runs from the bundled build (npm install / npm run build makes dist/).
// A CommonJS script (bin/package.json): Node starts one ~7 ms sooner than an ES module, whose
// loader it would set up first (docs/performance.md).
'use strict';
const { accessSync, constants, readFileSync, renameSync, writeFileSync } = require('node:fs');
const nodeModule = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

// Node >= 22.1 keeps compiled code between runs (here: the worker threads' and the fallback's ES modules)
nodeModule.enableCompileCache?.();

// a reader that closed the pipe early (`| head`) is not an error of ours: the rest of the
// output goes nowhere (src/cli/io.ts stops writing), and the run ends with its own exit code
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

const bundle = join(__dirname, '..', 'dist', 'bundle');

void run();

async function run() {
  const cli = loadWithCodeCache() ?? { ...(await import('../dist/bundle/main.js')), saveCodeCache: () => {} };
  // before any linting: the V8 flags for a run that lints once and exits, set once it has files enough (src/cli/v8-tuning.ts)
  cli.tuneForOneShotRun(process.argv.slice(2));
  const code = await cli.main(process.argv.slice(2));
  // -1: a long-running command (the language server) keeps the process alive
  if (code >= 0) {
    process.exitCode = code;
    cli.saveCodeCache();
  }
}

/**
 * The CommonJS build (dist/bundle/cli.cjs) compiled with V8's code cache: bytecode of every
 * function an earlier run compiled, not only of the top level as Node's own compile cache
 * keeps (Node 20 has none for ES modules), so a cold run neither parses the bundle nor
 * compiles what it calls: one small file 1.84x `node -e ''` instead of 2.32x (docs/performance.md).
 * The cache sits beside the bundle, named by the build's hash (a rebuilt bundle never meets an
 * old cache: V8 checks only the source's length) and the Node version; V8 itself rejects a
 * cache made by another V8 or under other flags. A run without a cache writes one as it ends.
 * Where the folder is not writable and holds no cache, undefined: the ES-module build, as fast
 * as this one is without its cache.
 */
function loadWithCodeCache() {
  const file = join(bundle, 'cli.cjs');
  let source;
  try {
    // esbuild writes ASCII only: latin1 is the cheapest read, and the string V8 hashed the cache against
    source = readFileSync(file, 'latin1');
  } catch {
    return undefined;
  }
  // the build's hash, which scripts/bundle.mjs puts on the last line
  const build = source.slice(source.lastIndexOf('//# build=') + 10).trim();
  const cacheFile = join(bundle, `cli-${build}-${process.version}-${process.arch}.v8cache`);
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // no cache yet: make one, where it can be kept
    if (!writable(bundle)) return undefined;
  }
  // CommonJS's own wrapper, and __import: the bundle's import() calls (scripts/bundle.mjs)
  const script = new Script(`(function (exports, require, module, __filename, __dirname, __import) {${source}\n})`, { filename: file, cachedData });
  const cjs = { exports: {} };
  script.runInThisContext()(cjs.exports, nodeModule.createRequire(file), cjs, file, dirname(file), (specifier) => import(specifier));
  const exports = cjs.exports;
  return {
    ...exports,
    saveCodeCache() {
      // a cache made under other V8 flags (a long run sets some) would be rejected by the next run
      if ((cachedData !== undefined && !script.cachedDataRejected) || !exports.v8FlagsUnchanged()) return;
      try {
        const temporary = `${cacheFile}.${process.pid}`;
        writeFileSync(temporary, script.createCachedData());
        renameSync(temporary, cacheFile);
      } catch {
        // the next run compiles again
      }
    },
  };
}

function writable(dir) {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
