/** The benchmark corpus: every real Dockerfile in test/data/corpus/real, read once. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const CORPUS_DIR = fileURLToPath(new URL('../test/data/corpus/real', import.meta.url));

export interface CorpusFile {
  name: string;
  path: string;
  text: string;
}

let cache: CorpusFile[] | undefined;

export function loadCorpus(): CorpusFile[] {
  cache ??= readdirSync(CORPUS_DIR)
    .filter((f) => f !== 'README.md')
    .sort()
    .map((name) => ({ name, path: join(CORPUS_DIR, name), text: readFileSync(join(CORPUS_DIR, name), 'utf8') }));
  return cache;
}

/**
 * What the in-process lint benchmarks run: every rule (the `all` preset) but ShellCheck, whose
 * process per file would swamp the rest. Before presets the default was every rule but four
 * opt-in ones; healthcheck-missing, inline-ignore-comment and invalid-definition-description
 * now run too (30846 findings over the corpus instead of 26865). A build without presets reads
 * the `rules` entry alone (bench/compare-builds.ts).
 */
export const BENCH_LINT_OPTIONS = { preset: 'all', rules: { shellcheck: 'off' } } as const;

export function corpusBytes(files: CorpusFile[]): number {
  return files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** print a table, or JSON with --json */
export function report(title: string, rows: Record<string, string | number>[], json: boolean): void {
  if (json) {
    console.log(JSON.stringify({ benchmark: title, rows }));
    return;
  }
  console.log(`\n## ${title}`);
  if (rows.length === 0) return;
  const keys = Object.keys(rows[0]!);
  const cells = rows.map((r) => keys.map((k) => String(r[k])));
  const widths = keys.map((k, i) => Math.max(k.length, ...cells.map((c) => c[i]!.length)));
  console.log(keys.map((k, i) => k.padEnd(widths[i]!)).join('  '));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const c of cells) console.log(c.map((v, i) => v.padEnd(widths[i]!)).join('  '));
}

/**
 * A module of the shipped build (dist/, made by npm install), typed as its source:
 * benchmarks measure what users run, not the TypeScript loader. `checkout`: another
 * checkout's build instead of this one's (bench/compare-builds.ts).
 */
export async function built<T>(srcPath: string, checkout?: string): Promise<T> {
  const file = `dist/${srcPath.replace(/\.ts$/, '.js')}`;
  const dist = checkout === undefined ? new URL(`../${file}`, import.meta.url) : pathToFileURL(join(checkout, file));
  try {
    return (await import(dist.href)) as T;
  } catch (error) {
    throw new Error(`cannot load ${dist.pathname} (${(error as Error).message}): run npm install (or npm run build) first`);
  }
}
