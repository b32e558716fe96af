/**
 * Measures the shell-parser candidates for RUN scripts (see docs/decisions/shell-parser.md):
 * one-time load/init cost in a fresh process, parse throughput over every RUN script of the
 * real corpus, and whether parsing is synchronous after init.
 *
 *   npx tsx bench/shell-parser.ts [corpusDir]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpusDir = process.argv[2] ?? '/work/shared/corpus/real';
const require = createRequire(import.meta.url);

/** Crude RUN extraction: join backslash-continued lines, drop comment lines inside them, skip exec form. */
function extractRunScripts(text: string): string[] {
  const lines = text.split(/\r?\n/);
  const scripts: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s*run\s+(.*)$/i.exec(lines[i]!);
    if (!m) continue;
    let script = m[1]!;
    while (/\\\s*$/.test(script) && i + 1 < lines.length) {
      i++;
      if (/^\s*#/.test(lines[i]!)) continue;
      script += '\n' + lines[i]!;
    }
    if (!script.trimStart().startsWith('[')) scripts.push(script);
  }
  return scripts;
}

const scripts = readdirSync(corpusDir).flatMap((f) => extractRunScripts(readFileSync(join(corpusDir, f), 'utf8')));
const totalChars = scripts.reduce((n, s) => n + s.length, 0);
console.log(`corpus: ${scripts.length} RUN scripts, ${(totalChars / 1e6).toFixed(2)} M chars\n`);

/** The hand-written parser is transpiled to plain JS so a fresh `node` can load it without tsx. */
function transpileHandWritten(): string {
  const outDir = mkdtempSync(join(tmpdir(), 'shell-bench-'));
  const srcDir = join(repoRoot, 'src/model/shell');
  for (const file of readdirSync(srcDir).filter((f) => f.endsWith('.ts'))) {
    const { outputText } = ts.transpileModule(readFileSync(join(srcDir, file), 'utf8'), {
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2022,
        rewriteRelativeImportExtensions: true,
        verbatimModuleSyntax: true,
      },
      fileName: file,
    });
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, file.replace(/\.ts$/, '.js')), outputText);
  }
  writeFileSync(join(outDir, 'package.json'), '{"type":"module"}');
  return pathToFileURL(join(outDir, 'index.js')).href;
}

const treeSitterWasm = require.resolve('tree-sitter-bash/tree-sitter-bash.wasm');
const candidates: { name: string; sync: string; coldScript: string }[] = [
  {
    name: 'hand-written (src/model/shell)',
    sync: 'yes, no init',
    coldScript: `const { parseShell } = await import(${JSON.stringify(transpileHandWritten())});
      parseShell('apt-get update && apt-get install -y curl');`,
  },
  {
    name: 'web-tree-sitter + tree-sitter-bash',
    sync: 'yes after `await Parser.init()` + `await Language.load()`',
    coldScript: `const { Parser, Language } = await import(${JSON.stringify(require.resolve('web-tree-sitter'))});
      await Parser.init();
      const parser = new Parser();
      parser.setLanguage(await Language.load(${JSON.stringify(treeSitterWasm)}));
      parser.parse('apt-get update && apt-get install -y curl');`,
  },
  {
    name: 'sh-syntax (mvdan/sh WASM)',
    sync: 'no: every parse() is async and instantiates a fresh Go WASM instance',
    coldScript: `const { parse } = await import(${JSON.stringify(pathToFileURL(join(repoRoot, 'node_modules/sh-syntax/lib/index.js')).href)});
      await parse('apt-get update && apt-get install -y curl');`,
  },
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

/** Wall time of a fresh `node` process running `code`, median of `runs`. */
function coldRun(code: string, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    execFileSync(process.execPath, ['--input-type=module', '-e', code], { stdio: 'ignore' });
    times.push(performance.now() - t0);
  }
  return median(times);
}

const coldRuns = 9;
const baseline = coldRun('', coldRuns);
console.log(`cold baseline  node -e '': ${baseline.toFixed(1)} ms (median of ${coldRuns})\n`);

const rows: string[] = [];
for (const c of candidates) {
  const cold = coldRun(c.coldScript, coldRuns);
  const throughput = await measureThroughput(c.name);
  rows.push(
    `| ${c.name} | ${(cold - baseline).toFixed(1)} ms | ${(cold / baseline).toFixed(2)}x | ${throughput} | ${c.sync} |`,
  );
  console.log(rows.at(-1));
}
console.log('\n| candidate | load+init+1 parse over node -e \'\' | cold run vs node -e \'\' | corpus throughput | sync API |');
console.log('|---|---|---|---|---|');
for (const r of rows) console.log(r);

/** Parses every corpus script (after a warm-up pass) and returns "N MB/s" plus failure counts. */
async function measureThroughput(name: string): Promise<string> {
  let parseOne: (s: string) => unknown | Promise<unknown>;
  let failures = 0;
  if (name.startsWith('hand')) {
    const { parseShell } = await import('../src/model/shell/index.ts');
    parseOne = (s) => {
      if (parseShell(s).errors.length > 0) failures++;
    };
  } else if (name.startsWith('web-tree-sitter')) {
    const { Parser, Language } = await import('web-tree-sitter');
    await Parser.init();
    const parser = new Parser();
    parser.setLanguage(await Language.load(treeSitterWasm));
    parseOne = (s) => {
      const tree = parser.parse(s);
      if (tree?.rootNode.hasError) failures++;
      tree?.delete();
    };
  } else {
    const { parse } = await import('sh-syntax');
    parseOne = async (s) => {
      try {
        await parse(s);
      } catch {
        failures++;
      }
    };
  }
  // sh-syntax is ~1000x slower; a sample keeps the run short and the rate is what matters
  const sample = name.startsWith('sh-syntax') ? scripts.filter((_, i) => i % 20 === 0) : scripts;
  const sampleChars = sample.reduce((n, s) => n + s.length, 0);
  for (const s of sample.slice(0, 200)) await parseOne(s);
  failures = 0;
  const t0 = performance.now();
  for (const s of sample) await parseOne(s);
  const ms = performance.now() - t0;
  const rate = sampleChars / 1e6 / (ms / 1000);
  return `${rate.toFixed(1)} M chars/s (${sample.length} scripts, ${failures} with errors)`;
}
