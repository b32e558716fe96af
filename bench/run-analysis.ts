/**
 * bench run-analysis: the model's RUN analysis alone. The corpus is parsed once; each pass
 * builds the model of every Dockerfile and analyses every RUN (`model.run`), best of several
 * passes in one process, as MB/s of the whole corpus and of the RUN text.
 * Run: npm run build && npx tsx bench/run-analysis.ts [--json]
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { built, corpusBytes, loadCorpus, median, report } from './corpus.ts';

export async function benchRunAnalysis(json: boolean): Promise<void> {
  const files = loadCorpus();
  const bytes = corpusBytes(files);
  const { parseDockerfile } = await built<typeof import('../src/parser/index.ts')>('src/parser/index.ts');
  const { buildModel } = await built<typeof import('../src/model/model.ts')>('src/model/model.ts');
  const dockerfiles = files.map((f) => parseDockerfile(f.text));
  let runs = 0;
  let runBytes = 0;
  for (const df of dockerfiles) {
    for (const ins of df.instructions) {
      if (ins.keyword !== 'RUN') continue;
      runs++;
      runBytes += ins.end - ins.start;
    }
  }
  const passes: number[] = [];
  let commands = 0;
  for (let pass = 0; pass < 7; pass++) {
    commands = 0;
    const start = performance.now();
    for (const df of dockerfiles) {
      const model = buildModel(df);
      for (const ins of df.instructions) commands += model.run(ins)?.commands.length ?? 0;
    }
    passes.push(performance.now() - start);
  }
  const best = Math.min(...passes);
  report('RUN analysis (buildModel + model.run for every RUN)', [
    { measure: 'corpus', value: `${files.length} files, ${(bytes / 1e6).toFixed(2)} MB, ${runs} RUNs (${(runBytes / 1e6).toFixed(2)} MB), ${commands} commands` },
    { measure: 'whole corpus, best of 7', value: `${best.toFixed(0)} ms (median ${median(passes).toFixed(0)} ms)` },
    { measure: 'throughput (best)', value: `${(bytes / 1e6 / (best / 1000)).toFixed(1)} MB/s of Dockerfile, ${(runBytes / 1e6 / (best / 1000)).toFixed(1)} MB/s of RUN text` },
    { measure: 'peak RSS', value: `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB` },
  ], json);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchRunAnalysis(process.argv.includes('--json'));
