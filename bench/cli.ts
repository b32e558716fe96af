/**
 * bench cli-cold: one small Dockerfile, whole process, median of N runs, beside the
 * bare `node -e ''` floor and the JavaScript peers on the same Node binary, interleaved in
 * the same run.
 * bench cli-batch: the corpus in one CLI invocation, beside the peers a user would pick
 * instead (dockerfilelint: many files per process, timed on the files it does not crash on, and
 * ours on the same; dockerfile-utils lint:
 * one file per process, so it is timed on a fixed sample and scaled to the corpus); and a
 * pre-commit-sized run, 20 typical files, against the peers linting the same 20.
 * dockerlinter (buddy-works' hadolint port, run with `-s none`: no ShellCheck) is not a
 * devDependency: its install script downloads ShellCheck from GitHub, which fails `npm install`
 * where GitHub is unreachable. Its rows appear once it is installed by hand:
 * `npm install --no-save --ignore-scripts dockerlinter@2.0.0`.
 * Needs the build (npm install runs it). Run: npx tsx bench/cli.ts [--json]
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadCorpus, median, report } from './corpus.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(root, 'bin/tslint-docker.js');
const node = process.execPath;
const DOCKERFILELINT = join(root, 'node_modules/dockerfilelint/bin/dockerfilelint');
const DOCKERLINTER = join(root, 'node_modules/dockerlinter/bin/dockerfilelinter.js');
const DOCKERFILE_UTILS = join(root, 'node_modules/dockerfile-utils/bin/dockerfile-utils');

/** the peers' command lines for some files: one process (dockerfilelint) or one per file */
interface Peer {
  name: string;
  commands(files: string[]): string[][];
}

function peers(): Peer[] {
  const list: Peer[] = [{ name: 'dockerfilelint', commands: (files) => [[DOCKERFILELINT, ...files]] }];
  if (existsSync(DOCKERLINTER)) list.push({ name: 'dockerlinter -s none', commands: (files) => files.map((f) => [DOCKERLINTER, '-s', 'none', '-f', f]) });
  return list;
}

function timeRun(args: string[], cwd = root): { ms: number; status: number | null; stderr: string } {
  const start = performance.now();
  const r = spawnSync(node, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  return { ms: performance.now() - start, status: r.status, stderr: r.stderr };
}

export async function benchCliCold(json: boolean, runs = 25): Promise<void> {
  if (!existsSync(join(root, 'dist/src/cli/main.js'))) throw new Error('no build: run npm install (or npm run build) first');
  const dir = mkdtempSync(join(tmpdir(), 'tslint-docker-bench-'));
  const file = join(dir, 'Dockerfile');
  writeFileSync(file, 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nUSER 1000\nCMD ["curl", "--version"]\n');
  // a pre-commit hook's case: a project with a package.json (no config of ours in it) and .git,
  // where the config search runs
  const project = mkdtempSync(join(tmpdir(), 'tslint-docker-bench-project-'));
  mkdirSync(join(project, '.git'));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'demo', version: '1.0.0', scripts: { test: 'true' } }));
  writeFileSync(join(project, 'Dockerfile'), readFileSync(file));
  // what loading the ES-module build costs before any work (bin/'s fallback where no code cache can
  // be kept), without a lint
  const loadOnly = [
    '--input-type=module',
    '-e',
    `import module from 'node:module'; module.enableCompileCache?.(); await import(${JSON.stringify(pathToFileURL(join(root, 'dist/bundle/main.js')).href)});`,
  ];
  // a pre-commit hook with --cache in a big repository: one file against a cache that holds the
  // whole corpus's entries (read, but only this file's entry parsed)
  const cacheFile = join(dir, 'cache');
  timeRun([BIN, '--no-config', '--cache', '--cache-location', cacheFile, '-f', 'compact', file, ...loadCorpus().map((f) => f.path)]);
  const floor: number[] = [];
  const loaded: number[] = [];
  const ours: number[] = [];
  const inProject: number[] = [];
  const withCache: number[] = [];
  const peerRuns = peers().map((peer) => ({ peer, ms: [] as number[] }));
  timeRun([BIN, '--no-config', file]); // warm the OS file cache (and the code cache, bin/tslint-docker.js)
  for (let i = 0; i < runs; i++) {
    floor.push(timeRun(['-e', '']).ms);
    for (const p of peerRuns) p.ms.push(timeRun(p.peer.commands([file])[0]!).ms);
    loaded.push(timeRun(loadOnly).ms);
    ours.push(timeRun([BIN, '--no-config', file]).ms);
    inProject.push(timeRun([BIN, 'Dockerfile'], project).ms);
    withCache.push(timeRun([BIN, '--no-config', '--cache', '--cache-location', cacheFile, file]).ms);
  }
  const f = median(floor);
  const l = median(loaded);
  const o = median(ours);
  const p = median(inProject);
  const c = median(withCache);
  for (const d of [dir, project]) rmSync(d, { recursive: true, force: true });
  const peerRows = peerRuns.map(({ peer, ms }) => {
    const m = median(ms);
    return { command: `${peer.name} Dockerfile`, 'median ms': m.toFixed(1), ratio: `${(m / f).toFixed(2)}x the floor; tslint-docker --no-config takes ${(o / m).toFixed(2)}x its time` };
  });
  report(`cli-cold (median of ${runs}, ${process.version})`, [
    { command: "node -e ''", 'median ms': f.toFixed(1), ratio: '' },
    { command: 'loading the ES-module build only, no lint (bin/\'s fallback without a code cache)', 'median ms': l.toFixed(1), ratio: `${(l / f).toFixed(2)}x the floor` },
    { command: 'tslint-docker --no-config Dockerfile', 'median ms': o.toFixed(1), ratio: `${(o / f).toFixed(2)}x the floor` },
    { command: 'tslint-docker Dockerfile (in a project: package.json, .git)', 'median ms': p.toFixed(1), ratio: `${(p / f).toFixed(2)}x the floor` },
    { command: 'tslint-docker --cache Dockerfile (a cache holding the whole corpus too)', 'median ms': c.toFixed(1), ratio: `${(c / f).toFixed(2)}x the floor` },
    ...peerRows,
  ], json);
}

/**
 * The corpus files dockerfilelint lints without throwing. On a file it cannot handle (a
 * HEALTHCHECK it misreads) it throws out of its top level: the process ends there, exit status 1
 * (the same as "issues found"), with the rest of its files unlinted and no report. Timing it on
 * the whole corpus would time those crashes; both tools are timed on the files it completes.
 * Asked of its library, in this process, one file at a time.
 */
function filesDockerfilelintCompletes(files: readonly string[]): string[] {
  const require = createRequire(import.meta.url);
  const dfl = require(join(root, 'node_modules/dockerfilelint/lib/index.js')) as { run(configPath: string, content: string): unknown };
  return files.filter((f) => {
    try {
      dfl.run(dirname(f), readFileSync(f, 'utf8'));
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * dockerfilelint -j over `files` in one process; throws unless its report covers every file.
 * Its report goes to a file: it exits right after writing it, which cuts a report written to a
 * pipe short (at ~200 KB here).
 */
function timeDockerfilelint(files: readonly string[]): number {
  const dir = mkdtempSync(join(tmpdir(), 'tslint-docker-bench-dfl-'));
  const out = openSync(join(dir, 'report.json'), 'w');
  try {
    const start = performance.now();
    const r = spawnSync(node, [DOCKERFILELINT, '-j', ...files], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', out, 'pipe'] });
    const ms = performance.now() - start;
    let reported = -1;
    try {
      reported = (JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { files: unknown[] }).files.length;
    } catch {
      // no report: it crashed
    }
    if (reported !== files.length) throw new Error(`dockerfilelint reported ${reported} of ${files.length} files: ${r.stderr.slice(0, 300)}`);
    return ms;
  } finally {
    closeSync(out);
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchCliBatch(json: boolean, sampleSize = 100): Promise<void> {
  const corpus = loadCorpus().map((f) => f.path);
  const files = filesDockerfilelintCompletes(corpus);
  const rows: Record<string, string>[] = [];
  const what = `${files.length} of the ${corpus.length} corpus files (dockerfilelint crashes on the other ${corpus.length - files.length})`;
  // ours and dockerfilelint take turns, three times each, each in one process: the medians are
  // compared (one run each can be off by 2x on a shared machine)
  const oursMs: number[] = [];
  const peaksKb: number[] = [];
  const dflRuns: number[] = [];
  for (let run = 0; run < 3; run++) {
    const ours = timeRun(['--import', join(root, 'bench/peak-rss.mjs'), BIN, '--no-config', '-f', 'compact', ...files]);
    if (ours.status !== 0 && ours.status !== 1) throw new Error(`tslint-docker failed: ${ours.stderr.slice(0, 500)}`);
    oursMs.push(ours.ms);
    peaksKb.push(Number(/peak-rss-kb=(\d+)/.exec(ours.stderr)?.[1] ?? NaN));
    dflRuns.push(timeDockerfilelint(files));
  }
  const oursMedian = median(oursMs);
  const dflMs = median(dflRuns);
  rows.push({
    tool: `tslint-docker -f compact (one process, median of 3; peak RSS ${(Math.max(...peaksKb) / 1024).toFixed(0)} MB, the highest)`,
    files: String(files.length), ms: oursMedian.toFixed(0), 'files/s': (files.length / (oursMedian / 1000)).toFixed(0),
  });
  // the target holds for the report a user would ask for, not only the smallest: the
  // default (stylish) and the code-scanning one (SARIF, 40 MB over the corpus), once each
  for (const format of ['stylish', 'sarif']) {
    const run = timeRun(['--import', join(root, 'bench/peak-rss.mjs'), BIN, '--no-config', '-f', format, ...files]);
    if (run.status !== 0 && run.status !== 1) throw new Error(`tslint-docker -f ${format} failed: ${run.stderr.slice(0, 500)}`);
    const peakKb = Number(/peak-rss-kb=(\d+)/.exec(run.stderr)?.[1] ?? NaN);
    rows.push({
      tool: `tslint-docker -f ${format} (one run; peak RSS ${(peakKb / 1024).toFixed(0)} MB)`,
      files: String(files.length), ms: run.ms.toFixed(0), 'files/s': (files.length / (run.ms / 1000)).toFixed(0),
    });
  }
  // a re-run with --cache where nothing changed (CI or a pre-commit hook over a monorepo): one run
  // fills the cache, the next three read it
  const cacheDir = mkdtempSync(join(tmpdir(), 'tslint-docker-bench-cache-'));
  const cached = ['--import', join(root, 'bench/peak-rss.mjs'), BIN, '--no-config', '--cache', '--cache-location', join(cacheDir, 'cache'), '-f', 'compact', ...files];
  timeRun(cached);
  const cachedRuns = [0, 1, 2].map(() => timeRun(cached));
  const cachedMs = median(cachedRuns.map((r) => r.ms));
  const cachedPeakKb = Math.max(...cachedRuns.map((r) => Number(/peak-rss-kb=(\d+)/.exec(r.stderr)?.[1] ?? NaN)));
  rmSync(cacheDir, { recursive: true, force: true });
  rows.push({
    tool: `tslint-docker -f compact --cache, nothing changed since the last run (median of 3; peak RSS ${(cachedPeakKb / 1024).toFixed(0)} MB)`,
    files: String(files.length), ms: cachedMs.toFixed(0), 'files/s': (files.length / (cachedMs / 1000)).toFixed(0),
  });
  rows.push({ tool: 'dockerfilelint -j (one process, median of 3)', files: String(files.length), ms: dflMs.toFixed(0), 'files/s': (files.length / (dflMs / 1000)).toFixed(0) });

  const du = DOCKERFILE_UTILS;
  const step = Math.max(1, Math.floor(files.length / sampleSize));
  const sample = files.filter((_, i) => i % step === 0).slice(0, sampleSize);
  let duMs = 0;
  for (const f of sample) duMs += timeRun([du, 'lint', f]).ms;
  const duPerFile = duMs / sample.length;
  rows.push({ tool: `dockerfile-utils lint (one process per file; ${sample.length}-file sample, scaled)`, files: String(files.length), ms: (duPerFile * files.length).toFixed(0), 'files/s': (1000 / duPerFile).toFixed(0) });

  const fastestPeer = Math.min(dflMs, duPerFile * files.length);
  rows.push({ tool: 'speed-up over the faster peer', files: '', ms: '', 'files/s': `${(fastestPeer / oursMedian).toFixed(1)}x` });
  rows.push({ tool: 'speed-up over the faster peer, re-run with --cache', files: '', ms: '', 'files/s': `${(fastestPeer / cachedMs).toFixed(1)}x` });
  report(`cli-batch: ${what}`, rows, json);
}

/**
 * A pre-commit hook's run: 20 typical files (the 20 corpus files around the median size) in
 * one CLI call, against each peer linting the same 20 as a user would call it; interleaved.
 */
export async function benchCliFew(json: boolean, runs = 11): Promise<void> {
  const bySize = loadCorpus().slice().sort((a, b) => a.text.length - b.text.length || a.name.localeCompare(b.name));
  const mid = bySize.length >> 1;
  const files = bySize.slice(mid - 10, mid + 10).map((f) => f.path);
  const floor: number[] = [];
  const ours: number[] = [];
  const peerRuns = peers().map((peer) => ({ peer, ms: [] as number[] }));
  timeRun([BIN, '--no-config', ...files]);
  for (let i = 0; i < runs; i++) {
    floor.push(timeRun(['-e', '']).ms);
    const run = timeRun([BIN, '--no-config', ...files]);
    if (run.status !== 0 && run.status !== 1) throw new Error(`tslint-docker failed: ${run.stderr.slice(0, 500)}`);
    ours.push(run.ms);
    for (const p of peerRuns) p.ms.push(p.peer.commands(files).reduce((ms, command) => ms + timeRun(command).ms, 0));
  }
  const f = median(floor);
  const o = median(ours);
  const bytes = files.reduce((n, p) => n + statSync(p).size, 0);
  report(`cli-few: ${files.length} typical files (${(bytes / files.length / 1024).toFixed(1)} KB each on average), one call (median of ${runs}, ${process.version})`, [
    { command: "node -e ''", 'median ms': f.toFixed(1), ratio: '' },
    { command: 'tslint-docker --no-config FILES', 'median ms': o.toFixed(1), ratio: `${(o / f).toFixed(2)}x the floor` },
    ...peerRuns.map(({ peer, ms }) => {
      const m = median(ms);
      const how = peer.name.startsWith('dockerlinter') ? ', one process per file (it takes one -f)' : '';
      return { command: `${peer.name} FILES${how}`, 'median ms': m.toFixed(1), ratio: `${(m / f).toFixed(2)}x the floor; tslint-docker takes ${(o / m).toFixed(2)}x its time` };
    }),
  ], json);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const json = process.argv.includes('--json');
  await benchCliCold(json);
  await benchCliFew(json);
  await benchCliBatch(json);
}
