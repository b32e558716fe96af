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
import { CORPUS_DIR } from './corpus.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpusDir = process.argv[2] ?? CORPUS_DIR;
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

/**
 * A fresh `node` process running `code`, median of `runs`: its wall time, and the time the code
 * itself reports for load + init + one parse (measured inside, so process start-up noise is out).
 */
function coldRun(code: string, runs: number): { wall: number; inside: number } {
  const walls: number[] = [];
  const insides: number[] = [];
  const timed = `const t0 = performance.now(); ${code}; console.log(performance.now() - t0);`;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', timed], { encoding: 'utf8' });
    walls.push(performance.now() - t0);
    insides.push(Number(out.trim()));
  }
  return { wall: median(walls), inside: median(insides) };
}

/** A plain charCodeAt pass over the corpus: the machine's speed right now, to read the rates against. */
function scanRate(): number {
  let sum = 0;
  const t0 = process.cpuUsage();
  for (let round = 0; round < 5; round++) for (const s of scripts) for (let i = 0; i < s.length; i++) sum += s.charCodeAt(i);
  const cpu = process.cpuUsage(t0);
  if (sum < 0) console.log(sum);
  return (totalChars * 5) / 1e6 / ((cpu.user + cpu.system) / 1e6);
}

const coldRuns = 9;
const baseline = coldRun('', coldRuns).wall;
console.log(`cold baseline  node -e '': ${baseline.toFixed(1)} ms wall (median of ${coldRuns})`);
console.log(`reference charCodeAt scan: ${scanRate().toFixed(0)} M chars/s CPU\n`);

const rows: string[] = [];
for (const c of candidates) {
  const cold = coldRun(c.coldScript, coldRuns);
  const throughput = await measureThroughput(c.name);
  rows.push(
    `| ${c.name} | ${cold.inside.toFixed(1)} ms | ${(cold.wall / baseline).toFixed(2)}x | ${throughput} | ${c.sync} |`,
  );
  console.log(rows.at(-1));
}
console.log(`\n| candidate | load+init+1 parse (in-process) | cold run vs node -e '' (${baseline.toFixed(0)} ms) | corpus throughput | sync API |`);
console.log('|---|---|---|---|---|');
for (const r of rows) console.log(r);

/**
 * Agreement of the hand-written parser with tree-sitter-bash on what matters to rules: the
 * sequence of command names (and their argument counts) per script. Scripts that either parser
 * reports errors on, and scripts with `-c` (only ours parses nested scripts), are left out;
 * `[` and `[[` are test nodes in tree-sitter, so they are dropped from ours.
 */
async function agreement(): Promise<string> {
  const { parseShell } = await import('../src/model/shell/index.ts');
  const { Parser, Language } = await import('web-tree-sitter');
  await Parser.init();
  const parser = new Parser();
  parser.setLanguage(await Language.load(treeSitterWasm));
  let compared = 0;
  let same = 0;
  const differing: string[] = [];
  for (const script of scripts) {
    if (/\s-[a-z]*c\s/.test(script)) continue;
    const ours = parseShell(script, { dialect: 'bash' });
    const tree = parser.parse(script);
    if (!tree || tree.rootNode.hasError || ours.errors.length > 0) {
      tree?.delete();
      continue;
    }
    const theirs = tree.rootNode
      .descendantsOfType(['command', 'declaration_command', 'unset_command'])
      .filter((n): n is NonNullable<typeof n> => n !== null)
      .map((n) => {
        if (n.type !== 'command') return `${n.firstChild?.text} ${n.namedChildren.length}`;
        const name = n.childForFieldName('name');
        const args = n.namedChildren.filter((c) => c !== null && c.startIndex >= (name?.endIndex ?? Infinity) && !c.type.endsWith('redirect') && c.type !== 'herestring_redirect');
        return name ? `${name.text} ${args.length}` : undefined;
      })
      .filter((x) => x !== undefined);
    tree.delete();
    const mine = ours.commands.filter((c) => c.name && c.name.text !== '[[' && c.name.text !== '[').map((c) => `${c.name!.text} ${c.args.length}`);
    compared++;
    if (theirs.join('\n') === mine.join('\n')) same++;
    else if (differing.length < 5) differing.push(`  ${JSON.stringify(script.slice(0, 120))}\n    tree-sitter: ${theirs.join(' | ').slice(0, 160)}\n    ours:        ${mine.join(' | ').slice(0, 160)}`);
  }
  return `${same}/${compared} scripts give the same command names and argument counts\n${differing.join('\n')}`;
}

console.log(`\nagreement with tree-sitter-bash: ${await agreement()}`);

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
  const sample = name.startsWith('sh-syntax') ? scripts.filter((_, i) => i % 40 === 0) : scripts;
  const sampleChars = sample.reduce((n, s) => n + s.length, 0);
  for (const s of sample.slice(0, 200)) await parseOne(s);
  // best of three passes, in CPU time: the machine is shared, and the best pass is the least disturbed
  let best = Infinity;
  for (let pass = 0; pass < 3; pass++) {
    failures = 0;
    const t0 = process.cpuUsage();
    for (const s of sample) await parseOne(s);
    const cpu = process.cpuUsage(t0);
    best = Math.min(best, (cpu.user + cpu.system) / 1000);
  }
  const rate = sampleChars / 1e6 / (best / 1000);
  return `${rate.toFixed(rate < 1 ? 3 : 1)} M chars/s, ${(best / sample.length * 1000).toFixed(1)} µs/script (${sample.length} scripts, ${failures} with errors)`;
}
