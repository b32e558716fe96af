/**
 * bench scale: is linting linear in the size of one file? Files of 1, 4 and 16 MB are made by
 * joining corpus files (each starts with its own FROM, so they become stages of one file:
 * real instructions, many stages, ARGs, ENVs and RUNs), and each is linted once in-process
 * with every rule (ShellCheck aside). Time per MB should stay flat: a rule or model step that
 * is quadratic shows as a row several times slower per MB than the 1 MB one.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getLinter } from '../src/linter/index.ts';
import { BENCH_LINT_OPTIONS, loadCorpus, report } from './corpus.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

const MB = 1 << 20;

/** corpus files joined, in order and round again, up to `bytes` */
function joined(texts: readonly string[], bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i = (i + 1) % texts.length) {
    const text = texts[i]!.endsWith('\n') ? texts[i]! : `${texts[i]}\n`;
    parts.push(text);
    size += text.length;
  }
  return parts.join('');
}

/**
 * One stage of `lines` RUNs that install with apt, some without updating, and ENVs between
 * them: what made apt-lists-not-removed and the ARG/ENV scope quadratic (a 16,000-line file
 * took 57.7 s before they were made linear).
 */
function aptStage(lines: number): string {
  const kinds = [
    (i: number) => `RUN apt-get update && apt-get install -y pkg${i}`,
    (i: number) => `RUN apt-get install -y --no-install-recommends q${i} && echo \${V${i - 1}}`,
    (i: number) => `ENV V${i}=x`,
  ];
  return ['FROM debian:bookworm', ...Array.from({ length: lines }, (_, i) => kinds[i % kinds.length]!(i + 1))].join('\n') + '\n';
}

export async function benchScale(json: boolean, sizes: readonly number[] = [1, 4, 16]): Promise<void> {
  const texts = loadCorpus().map((f) => f.text);
  const linter = getLinter();
  // warm up on the corpus itself, so the first row does not pay for the JIT
  for (const text of texts) linter.lint(text, { ...BENCH_LINT_OPTIONS, filePath: 'Dockerfile' });
  const rows: Record<string, string | number>[] = [];
  let firstPerMb: number | undefined;
  for (const size of sizes) {
    const text = joined(texts, size * MB);
    const heapBefore = process.memoryUsage().heapUsed;
    const start = performance.now();
    const result = linter.lint(text, { ...BENCH_LINT_OPTIONS, filePath: 'Dockerfile' });
    const ms = performance.now() - start;
    const perMb = ms / (text.length / MB);
    firstPerMb ??= perMb;
    rows.push({
      size: `${(text.length / MB).toFixed(1)} MB`,
      lines: text.split('\n').length - 1,
      findings: result.findings.length,
      'time': `${(ms / 1000).toFixed(2)} s`,
      'per MB': `${(perMb / 1000).toFixed(2)} s`,
      'vs first row': `${(perMb / firstPerMb).toFixed(2)}x`,
      'heap growth': `${((process.memoryUsage().heapUsed - heapBefore) / MB).toFixed(0)} MB`,
    });
  }
  report('scale: one generated file, time per MB (flat = linear)', rows, json);

  const aptRows: Record<string, string | number>[] = [];
  let firstPerLine: number | undefined;
  for (const lines of [4000, 16000]) {
    const text = aptStage(lines);
    const start = performance.now();
    linter.lint(text, { ...BENCH_LINT_OPTIONS, filePath: 'Dockerfile' });
    const ms = performance.now() - start;
    firstPerLine ??= ms / lines;
    aptRows.push({ lines, time: `${(ms / 1000).toFixed(2)} s`, 'vs first row, per line': `${(ms / lines / firstPerLine).toFixed(2)}x` });
  }
  report('scale: one stage of apt RUNs and ENVs, time per line (flat = linear)', aptRows, json);

  // the whole command line on one 20 MB file (issue 19: < 10 s, < 500 MB peak), default preset
  const dir = mkdtempSync(join(tmpdir(), 'tslint-docker-bench-scale-'));
  try {
    const file = join(dir, 'Dockerfile');
    const text = joined(texts, 20 * MB);
    writeFileSync(file, text);
    const start = performance.now();
    const run = spawnSync(process.execPath, ['--import', join(root, 'bench/peak-rss.mjs'), join(root, 'bin/tslint-docker.js'), '--no-config', '-f', 'compact', file], {
      encoding: 'utf8', maxBuffer: 1 << 30,
    });
    const ms = performance.now() - start;
    const peakKb = Number(/peak-rss-kb=(\d+)/.exec(run.stderr)?.[1] ?? NaN);
    report('scale: the CLI on one 20 MB file (targets < 10 s, < 500 MB)', [{
      command: 'tslint-docker --no-config -f compact FILE', size: `${(text.length / MB).toFixed(1)} MB`,
      lines: text.split('\n').length - 1, exit: run.status ?? `signal ${run.signal}`, time: `${(ms / 1000).toFixed(2)} s`, 'peak RSS': `${(peakKb / 1024).toFixed(0)} MB`,
    }], json);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
