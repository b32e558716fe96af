// Bundles the CLI into dist/bundle/ (one file plus lazily loaded chunks): Node then reads
// a few files at start-up instead of hundreds of modules (chevrotain alone is ~300 lodash-es
// files), which is most of a cold run's cost. Runs after tsc in `npm run build`.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// chunk names carry content hashes: clear the folder so old chunks do not pile up
rmSync('dist/bundle', { recursive: true, force: true });

await build({
  entryPoints: { main: 'src/cli/main.ts', 'lint-worker': 'src/cli/lint-worker.ts' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outdir: 'dist/bundle',
  splitting: true,
  // CommonJS dependencies call require(); give the ESM bundle one
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  // ... and read __filename / __dirname (cosmiconfig's import-fresh when a config module
  // throws, vscode-languageserver's file-system probe)
  inject: ['scripts/bundle-shims.mjs'],
  // optional at run time: cosmiconfig's loader for tslint-docker.config.ts
  external: ['typescript'],
  legalComments: 'none',
  logLevel: 'warning',
});
