/**
 * npm run bench: every benchmark, one after the other, each printing a table
 * (or JSON lines with --json). Not a test: numbers depend on the machine.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { benchCliBatch, benchCliCold, benchCliFew } from './cli.ts';
import { benchFix } from './fix.ts';
import { benchImages } from './images.ts';
import { benchLint, countFindingsPerRule } from './lint.ts';
import { benchParse } from './parse.ts';
import { benchPrecision, presetArg } from './precision.ts';
import { benchScale } from './scale.ts';

const json = process.argv.includes('--json');
// names of benchmarks to run (all when none); `--preset NAME` is the precision benchmark's
const only = process.argv.slice(2).filter((a, i, args) => !a.startsWith('--') && args[i - 1] !== '--preset');
const benches: Record<string, () => Promise<void>> = {
  parse: () => benchParse(json),
  lint: async () => { await benchLint(json); await countFindingsPerRule(json); },
  'cli-cold': () => benchCliCold(json),
  'cli-few': () => benchCliFew(json),
  'cli-batch': () => benchCliBatch(json),
  // bench/lsp.ts is a script of its own (it starts a server process): run it as one
  lsp: async () => {
    const r = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(new URL('./lsp.ts', import.meta.url)), ...(json ? ['--json'] : [])], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('bench/lsp.ts failed');
  },
  fix: () => benchFix(json),
  precision: async () => benchPrecision(json, presetArg(process.argv)),
  images: () => benchImages(json),
  scale: () => benchScale(json),
};
if (!json) console.log(`tslint-docker benchmarks: ${process.version}, ${process.platform}/${process.arch}, ${new Date().toISOString().slice(0, 10)}`);
for (const [name, run] of Object.entries(benches)) {
  if (only.length > 0 && !only.includes(name)) continue;
  await run();
}
