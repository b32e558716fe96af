/**
 * bench fix: `--fix --unsafe-fixes` over the corpus in one process: files/s, files
 * changed, fixes applied per rule, and the guarantees (re-parse, idempotence).
 * Run: npx tsx bench/fix.ts [--json]
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { BENCH_LINT_OPTIONS, built, loadCorpus, report } from './corpus.ts';

export async function benchFix(json: boolean): Promise<void> {
  const files = loadCorpus();
  const { getLinter } = await built<typeof import('../src/linter/index.ts')>('src/linter/index.ts');
  const { checkFix } = await built<typeof import('../src/fix/check.ts')>('src/fix/check.ts');
  const { fixText } = await built<typeof import('../src/fix/apply.ts')>('src/fix/apply.ts');
  const linter = getLinter();
  const lint = (t: string) => linter.lint(t, BENCH_LINT_OPTIONS).findings;
  const start = performance.now();
  for (const f of files) fixText(f.text, lint, { unsafe: true });
  const ms = performance.now() - start;
  const perRule = new Map<string, { safe: number; unsafe: number }>();
  let changed = 0;
  let reparse = 0;
  let idempotent = 0;
  let leftovers = 0;
  for (const f of files) {
    const c = checkFix(f.text, lint, true);
    if (c.outcome.output !== f.text) changed++;
    if (c.reparses) reparse++;
    if (c.idempotent) idempotent++;
    leftovers += c.leftovers.length;
    for (const a of c.outcome.applied) {
      const r = perRule.get(a.ruleId) ?? { safe: 0, unsafe: 0 };
      r[a.safety]++;
      perRule.set(a.ruleId, r);
    }
  }
  const pct = (n: number) => `${((n / files.length) * 100).toFixed(1)}%`;
  report('fix (--fix --unsafe-fixes over the corpus)', [
    { measure: 'time', value: `${ms.toFixed(0)} ms, ${Math.round(files.length / (ms / 1000))} files/s` },
    { measure: 'files changed', value: `${changed} of ${files.length}` },
    { measure: 're-parse without new errors', value: pct(reparse) },
    { measure: 'idempotent (second fix is a no-op)', value: pct(idempotent) },
    { measure: 'fixable findings of fixed rules left', value: String(leftovers) },
  ], json);
  report('fixes applied per rule', [...perRule].sort((a, b) => b[1].safe + b[1].unsafe - a[1].safe - a[1].unsafe)
    .map(([rule, r]) => ({ rule, safe: r.safe, unsafe: r.unsafe })), json);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchFix(process.argv.includes('--json'));
