/**
 * bench lint: the whole corpus linted in one process with every rule but ShellCheck (files/s, MB/s,
 * peak RSS), and time per rule (the slowest named).
 * Run: npx tsx bench/lint.ts [--json]
 */
import { spawnSync } from 'node:child_process';
import { Session } from 'node:inspector/promises';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { BENCH_LINT_OPTIONS, built, corpusBytes, loadCorpus, median, report } from './corpus.ts';

/** one pass in a fresh process (median of 3): what a CLI run pays before V8 has optimised anything */
function firstPassMs(): number {
  const script = fileURLToPath(new URL('./lint-first-pass.ts', import.meta.url));
  const runs = [0, 1, 2].map(() => {
    // the bench's own loader (tsx) for the script; the linter it times is the built one
    const r = spawnSync(process.execPath, [...process.execArgv, script], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`bench/lint-first-pass.ts failed: ${r.stderr.slice(0, 500)}`);
    return Number(r.stdout.trim());
  });
  return median(runs);
}

/** Bytes allocated by `run`, garbage included: V8's sampling heap profiler, one sample per 16 KB on average. */
async function allocatedBytes(run: () => void): Promise<number> {
  const session = new Session();
  session.connect();
  try {
    await session.post('HeapProfiler.enable');
    await session.post('HeapProfiler.startSampling', {
      samplingInterval: 16384, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true,
    });
    run();
    const { profile } = await session.post('HeapProfiler.stopSampling');
    let total = 0;
    const visit = (node: typeof profile.head): void => {
      total += node.selfSize;
      node.children.forEach(visit);
    };
    visit(profile.head);
    return total;
  } finally {
    session.disconnect();
  }
}

export async function benchLint(json: boolean): Promise<void> {
  const files = loadCorpus();
  const bytes = corpusBytes(files);
  const { getLinter } = await built<typeof import('../src/linter/index.ts')>('src/linter/index.ts');
  const linter = getLinter();
  linter.lint('FROM scratch\n');
  const passes: number[] = [];
  let findings = 0;
  const perRule = new Map<string, number>();
  // the first pass runs mostly unoptimised code (it is measured apart, in a fresh process):
  // the warm figure is the best of the passes after it
  for (let pass = 0; pass < 6; pass++) {
    findings = 0;
    const start = performance.now();
    for (const f of files) findings += linter.lint(f.text, { ...BENCH_LINT_OPTIONS, filePath: f.path }).findings.length;
    passes.push(performance.now() - start);
  }
  for (const f of files) linter.lint(f.text, { ...BENCH_LINT_OPTIONS, filePath: f.path, profile: perRule });
  const allocated = await allocatedBytes(() => {
    for (const f of files) linter.lint(f.text, { ...BENCH_LINT_OPTIONS, filePath: f.path });
  });
  const warm = passes.slice(1);
  const best = Math.min(...warm);
  const first = firstPassMs();
  const { RUN_ANALYSIS_PROFILE_KEY } = await built<typeof import('../src/linter/linter.ts')>('src/linter/linter.ts');
  const runAnalysis = perRule.get(RUN_ANALYSIS_PROFILE_KEY) ?? 0;
  perRule.delete(RUN_ANALYSIS_PROFILE_KEY);
  const slowest = [...perRule].sort((a, b) => b[1] - a[1]).slice(0, 3);
  report('lint (in process, every rule but shellcheck)', [
    { measure: 'rules', value: String(linter.metas.length) },
    { measure: 'corpus', value: `${files.length} files, ${(bytes / 1e6).toFixed(2)} MB, ${findings} findings` },
    { measure: 'whole corpus, best of 5 warm passes', value: `${best.toFixed(0)} ms (median ${median(warm).toFixed(0)} ms)` },
    { measure: 'throughput (best)', value: `${(bytes / 1e6 / (best / 1000)).toFixed(1)} MB/s, ${Math.round(files.length / (best / 1000))} files/s` },
    { measure: 'first pass in a fresh process (median of 3)', value: `${first.toFixed(0)} ms: ${(bytes / 1e6 / (first / 1000)).toFixed(1)} MB/s, ${(first / best).toFixed(1)}x the best pass` },
    { measure: 'allocated per warm pass (sampled)', value: `${(allocated / 1e6).toFixed(0)} MB, ${(allocated / bytes).toFixed(0)} bytes per byte of Dockerfile` },
    { measure: 'peak RSS', value: `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB` },
    { measure: 'RUN analysis (shell parsing, shared)', value: `${runAnalysis.toFixed(0)} ms over the corpus` },
    ...slowest.map(([id, ms], i) => ({ measure: `slowest rule #${i + 1}`, value: `${id}: ${ms.toFixed(0)} ms over the corpus` })),
  ], json);
}

export async function countFindingsPerRule(json: boolean): Promise<void> {
  const files = loadCorpus();
  const { getLinter } = await built<typeof import('../src/linter/index.ts')>('src/linter/index.ts');
  const linter = getLinter();
  const filesPerRule = new Map<string, number>();
  const perRule = new Map<string, number>();
  for (const f of files) {
    const seen = new Set<string>();
    for (const finding of linter.lint(f.text, { ...BENCH_LINT_OPTIONS, filePath: f.path }).findings) {
      perRule.set(finding.ruleId, (perRule.get(finding.ruleId) ?? 0) + 1);
      seen.add(finding.ruleId);
    }
    for (const id of seen) filesPerRule.set(id, (filesPerRule.get(id) ?? 0) + 1);
  }
  report('findings per rule over the corpus', linter.metas.map((m) => ({
    rule: m.id,
    findings: perRule.get(m.id) ?? 0,
    files: filesPerRule.get(m.id) ?? 0,
    'share of files': `${(((filesPerRule.get(m.id) ?? 0) / files.length) * 100).toFixed(1)}%`,
  })).sort((a, b) => b.findings - a.findings), json);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const json = process.argv.includes('--json');
  await benchLint(json);
  await countFindingsPerRule(json);
}
