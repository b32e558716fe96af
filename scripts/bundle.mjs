// Bundles the CLI into dist/bundle/: Node then reads a few files at start-up instead of hundreds
// of modules (chevrotain alone is ~300 lodash-es files), which is most of a cold run's cost.
// Runs after tsc in `npm run build`. Two builds of the same sources:
// - cli.cjs, one CommonJS file, what bin/ runs: V8 compiles a classic script from a code cache
//   made after a run (bin/tslint-docker.js), which ES modules on Node 20 cannot have; the parts
//   a run does not call cost only reading (esbuild defers a lazily imported module's code);
// - main.js + chunks (ES modules, loaded on demand), for the worker threads and for bin/ where it
//   cannot keep a code cache (a read-only install).
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

// chunk names carry content hashes: clear the folder so old chunks (and code caches) do not pile up
rmSync('dist/bundle', { recursive: true, force: true });

// Chevrotain fills a 65,536-entry char-code map each time a lexer is built, for a first-character
// optimisation our lexer turns off (safeMode, src/parser/lexer.ts): fill it on first use instead
// (its own TODO suggests as much). The build fails if chevrotain's code no longer reads as below.
const lazyCharCodeMap = {
  name: 'chevrotain-lazy-char-code-map',
  setup(b) {
    b.onLoad({ filter: /chevrotain[\\/]lib[\\/]src[\\/]scan[\\/]lexer\.js$/ }, (args) => {
      const code = readFileSync(args.path, 'utf8');
      const eager = '    tracer("initCharCodeToOptimizedIndexMap", () => {\n        initCharCodeToOptimizedIndexMap();\n    });\n';
      const lookup = '        : charCodeToOptimizedIdxMap[charCode];';
      if (!code.includes(eager) || !code.includes(lookup)) throw new Error(`${args.path}: the char-code map patch no longer applies (scripts/bundle.mjs)`);
      return {
        contents: code.replace(eager, '').replace(lookup, '        : (initCharCodeToOptimizedIndexMap(), charCodeToOptimizedIdxMap[charCode]);'),
        loader: 'js',
      };
    });
  },
};

// Chevrotain's package does not declare itself free of side effects, so every module its entry
// re-exports ran at start-up: its parser classes, grammar builder and diagrams, ~5 ms of a cold
// run, though we use only its lexer. Its modules only define things (classes, functions,
// constants), so they are marked free of side effects and esbuild leaves out the unused ones.
const chevrotainSideEffectFree = {
  name: 'chevrotain-side-effect-free',
  setup(b) {
    const inChevrotain = /[\\/]node_modules[\\/](chevrotain|@chevrotain)[\\/]/;
    b.onResolve({ filter: /.*/ }, async (args) => {
      if (args.pluginData?.chevrotainFree) return undefined;
      if (!/^(chevrotain$|@chevrotain\/)/.test(args.path) && !inChevrotain.test(args.importer)) return undefined;
      const resolved = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: { chevrotainFree: true } });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      return { ...resolved, sideEffects: false };
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  outdir: 'dist/bundle',
  // optional at run time: cosmiconfig's loader for tslint-docker.config.ts
  external: ['typescript'],
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [chevrotainSideEffectFree, lazyCharCodeMap],
};

await build({
  ...common,
  entryPoints: { main: 'src/cli/main.ts', 'lint-worker': 'src/cli/lint-worker.ts' },
  format: 'esm',
  splitting: true,
  // CommonJS dependencies call require(); give the ESM bundle one
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  // ... and read __filename / __dirname (cosmiconfig's import-fresh when a config module
  // throws, vscode-languageserver's file-system probe)
  inject: ['scripts/bundle-shims.mjs'],
});

await build({
  ...common,
  entryPoints: { cli: 'src/cli/main.ts' },
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  // the sources' import.meta, from this file's own path (it sits beside main.js, so paths relative
  // to it are the same); resolve() is only called when running from the TypeScript sources
  banner: { js: "const __importMeta = { url: require('node:url').pathToFileURL(__filename).href };" },
  define: { 'import.meta': '__importMeta' },
  // blanks and comments out (2.6 -> 1.9 MB, its code cache 1.31 -> 1.14 MB): a cold run reads,
  // copies and deserialises less, ~10 ms of one small file's ~210 ms (docs/performance.md).
  // Names stay, so a stack trace still names its functions; full minification gained no more.
  minifyWhitespace: true,
});

// import() in a script compiled by node:vm needs a loader Node gives only behind a flag or with
// an experimental warning: the bundle's import() calls (a config module, typescript,
// node:worker_threads) go through bin/'s own import, passed in as __import. The two left are
// inside the worker's start-up code for the TypeScript sources, a string never run from here.
const cjs = readFileSync('dist/bundle/cli.cjs', 'latin1');
let calls = 0;
const rewritten = cjs.replace(/(?<![\w$.])import\((?!\$\{)/g, () => {
  calls++;
  return '__import(';
});
if (calls !== 3 || (rewritten.match(/(?<![\w$.])import\(/g) ?? []).length !== 2) {
  throw new Error(`dist/bundle/cli.cjs: expected 3 import() calls to route through bin/, found ${calls}: check scripts/bundle.mjs`);
}
// the build's identity, read by bin/ to name its code cache: V8 checks only the source's length
const buildHash = createHash('sha256').update(rewritten).digest('hex').slice(0, 16);
writeFileSync('dist/bundle/cli.cjs', `${rewritten}//# build=${buildHash}\n`, 'latin1');
