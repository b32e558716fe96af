/**
 * bench parse: parser construction cost, then throughput over the corpus
 * (MB/s and files/s), best of several passes in one process.
 * Run: npx tsx bench/parse.ts [--json]
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { built, corpusBytes, loadCorpus, median, report } from './corpus.ts';

export async function benchParse(json: boolean): Promise<void> {
  const files = loadCorpus();
  const bytes = corpusBytes(files);
  const t0 = performance.now();
  const { parseDockerfile } = await built<typeof import('../src/parser/index.ts')>('src/parser/index.ts');
  const tImport = performance.now() - t0;
  // first parse builds the lexer and the grammar (once per process)
  const t1 = performance.now();
  parseDockerfile('FROM scratch\n');
  const tBuild = performance.now() - t1;
  const passes: number[] = [];
  for (let pass = 0; pass < 5; pass++) {
    const start = performance.now();
    for (const f of files) parseDockerfile(f.text);
    passes.push(performance.now() - start);
  }
  const best = Math.min(...passes);
  const mid = median(passes);
  report('parse', [
    { measure: 'module import', value: `${tImport.toFixed(1)} ms` },
    { measure: 'lexer + grammar construction (first parse)', value: `${tBuild.toFixed(1)} ms` },
    { measure: 'corpus', value: `${files.length} files, ${(bytes / 1e6).toFixed(2)} MB` },
    { measure: 'whole corpus, best of 5', value: `${best.toFixed(0)} ms` },
    { measure: 'whole corpus, median of 5', value: `${mid.toFixed(0)} ms` },
    { measure: 'throughput (best)', value: `${(bytes / 1e6 / (best / 1000)).toFixed(1)} MB/s, ${Math.round(files.length / (best / 1000))} files/s` },
  ], json);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchParse(process.argv.includes('--json'));
