/**
 * Two builds side by side, for changes smaller than this machine's run-to-run noise: this
 * checkout's build and another checkout's (a clone at another commit, `npm install`ed).
 * In one process, both linters take turns over the corpus (warm passes); then each build lints
 * the corpus once in a fresh process, taking turns (what the CLI pays); then both CLIs take
 * turns over the corpus as one batch each, with each run's peak RSS. Not part of `npm run bench`
 * (it needs the other build).
 * Run: npx tsx bench/compare-builds.ts ../other-checkout [--rounds N]
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Linter } from '../src/linter/linter.ts';
import { BENCH_LINT_OPTIONS, built, loadCorpus, median, report } from './corpus.ts';

const here = fileURLToPath(new URL('..', import.meta.url));
const otherArg = process.argv[2];
if (otherArg === undefined || otherArg.startsWith('--')) throw new Error('usage: npx tsx bench/compare-builds.ts OTHER_CHECKOUT [--rounds N]');
const other = resolve(otherArg);
const roundsAt = process.argv.indexOf('--rounds');
const rounds = roundsAt > 0 ? Number(process.argv[roundsAt + 1]) : 8;
const builds = [{ name: 'this checkout', root: here }, { name: otherArg, root: other }];
for (const b of builds) {
  if (!existsSync(join(b.root, 'dist/src/linter/index.js'))) throw new Error(`no build in ${b.root}: run npm install there first`);
}

const files = loadCorpus();
const linters: Linter[] = [];
for (const b of builds) {
  const { getLinter } = await built<typeof import('../src/linter/index.ts')>('src/linter/index.ts', b.root);
  linters.push(getLinter());
}
const pass = (linter: Linter): number => {
  const start = performance.now();
  for (const f of files) linter.lint(f.text, { ...BENCH_LINT_OPTIONS, filePath: f.path });
  return performance.now() - start;
};
for (const linter of linters) for (let i = 0; i < 3; i++) pass(linter); // warm both
const inProcess: number[][] = builds.map(() => []);
for (let r = 0; r < rounds; r++) linters.forEach((linter, i) => inProcess[i]!.push(pass(linter)));

// a first pass in a fresh process, what the CLI pays: bench/lint's script, given each build
const firstPassScript = fileURLToPath(new URL('./lint-first-pass.ts', import.meta.url));
const firstPass: number[][] = builds.map(() => []);
for (let r = 0; r < Math.max(3, Math.floor(rounds / 2)); r++) {
  builds.forEach((b, i) => {
    const run = spawnSync(process.execPath, [...process.execArgv, firstPassScript, b.root], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`${b.name}: the first-pass script failed: ${run.stderr.slice(0, 300)}`);
    firstPass[i]!.push(Number(run.stdout.trim()));
  });
}

const paths = files.map((f) => f.path);
const cli: number[][] = builds.map(() => []);
const cliPeakKb: number[][] = builds.map(() => []);
for (let r = 0; r < Math.max(3, Math.floor(rounds / 2)); r++) {
  builds.forEach((b, i) => {
    const start = performance.now();
    // this checkout's probe reports either build's peak RSS as it exits
    const args = ['--import', join(here, 'bench/peak-rss.mjs'), join(b.root, 'bin/tslint-docker.js'), '--no-config', '-f', 'compact', ...paths];
    const run = spawnSync(process.execPath, args, { maxBuffer: 1 << 30, encoding: 'utf8' });
    if (run.status !== 0 && run.status !== 1) throw new Error(`${b.name}: the CLI failed: ${run.stderr.slice(0, 300)}`);
    cli[i]!.push(performance.now() - start);
    cliPeakKb[i]!.push(Number(/peak-rss-kb=(\d+)/.exec(run.stderr)?.[1] ?? NaN));
  });
}

const json = process.argv.includes('--json');
report(`two builds side by side (${rounds} interleaved warm passes; ${firstPass[0]!.length} interleaved first passes and CLI batches)`, builds.map((b, i) => ({
  build: b.name,
  'lint pass best ms': Math.min(...inProcess[i]!).toFixed(0),
  'lint pass median ms': median(inProcess[i]!).toFixed(0),
  'first pass best ms': Math.min(...firstPass[i]!).toFixed(0),
  'first pass median ms': median(firstPass[i]!).toFixed(0),
  'cli batch best ms': Math.min(...cli[i]!).toFixed(0),
  'cli batch median ms': median(cli[i]!).toFixed(0),
  'cli batch peak RSS MB (median, highest)': `${(median(cliPeakKb[i]!) / 1024).toFixed(0)}, ${(Math.max(...cliPeakKb[i]!) / 1024).toFixed(0)}`,
})), json);
