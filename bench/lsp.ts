/**
 * Keystroke latency of the language server: after a one-character edit in a ~300-line
 * Dockerfile, how long until fresh diagnostics exist.
 *  - keystroke: apply the incremental change to the document, lint it as the server does on
 *    a keystroke (LintSession without the idle-only rules, config already resolved) and
 *    convert findings to diagnostics;
 *  - full: the same with every rule, as the server lints once typing pauses (and as the CLI);
 *  - stdio: a real client sends didChange to the server process (debounce 0) and waits for
 *    publishDiagnostics (adds JSON-RPC framing and the pipe).
 *
 *   node --import tsx bench/lsp.ts [--json] [--runs N] [dockerfile...]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DidChangeTextDocumentNotification, DidOpenTextDocumentNotification } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LintSession } from '../src/lsp/session.ts';
import { toDiagnostic } from '../src/lsp/diagnostics.ts';
import { startClient } from '../test/lsp/client.ts';
import { CORPUS_DIR, report } from './corpus.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const json = args.includes('--json');
const runsIndex = args.indexOf('--runs');
const runs = runsIndex === -1 ? 300 : Number(args[runsIndex + 1]);
const files = args.filter((a, i) => !a.startsWith('--') && i !== runsIndex + 1);
const DEFAULT_FILES = [
  join(CORPUS_DIR, 'docker-library__php__8.2__bookworm__apache__Dockerfile'),
  join(CORPUS_DIR, 'containerd__nerdctl__Dockerfile'),
];

interface Row {
  file: string;
  lines: number;
  findings: number;
  path: 'keystroke' | 'full' | 'stdio';
  runs: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
}

function summarize(samples: number[]): Pick<Row, 'medianMs' | 'p95Ms' | 'maxMs'> {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  return { medianMs: round(at(0.5)), p95Ms: round(at(0.95)), maxMs: round(sorted[sorted.length - 1]!) };
}

/** the offset of a character inside the last RUN's text, where typing is realistic */
function editOffset(text: string): number {
  const run = text.lastIndexOf('\nRUN ');
  return run === -1 ? Math.floor(text.length / 2) : run + 6;
}

/**
 * One typed character, always at the same place: every run lints a text never seen before,
 * so no cache keyed on content (ShellCheck's) hides the work, as in real typing.
 */
function typeOne(at: { line: number; character: number }) {
  return { range: { start: at, end: at }, text: 'x' };
}

async function inProcess(dir: string, name: string, text: string, complete: boolean, runs: number): Promise<Row> {
  const uri = pathToFileURL(join(dir, name)).href;
  const session = new LintSession(dir);
  let doc = TextDocument.create(uri, 'dockerfile', 1, text);
  let findings = (await session.lint(doc, complete)).result.findings.length;
  const at = doc.positionAt(editOffset(text));
  const samples: number[] = [];
  const warmup = Math.min(20, runs);
  for (let i = 0; i < runs + warmup; i++) {
    const change = typeOne(at);
    const started = performance.now();
    doc = TextDocument.update(doc, [change], doc.version + 1);
    const state = await session.lint(doc, complete);
    const diagnostics = state.result.findings.filter((f) => !f.suppressed).map((f) => toDiagnostic(doc, f, undefined));
    const elapsed = performance.now() - started;
    findings = diagnostics.length;
    if (i >= warmup) samples.push(elapsed);
  }
  return { file: name, lines: text.split('\n').length, findings, path: complete ? 'full' : 'keystroke', runs, ...summarize(samples) };
}

async function overStdio(dir: string, name: string, text: string): Promise<Row> {
  const tsx = pathToFileURL(join(repoRoot, 'node_modules/tsx/dist/loader.mjs')).href;
  const client = await startClient(process.execPath, ['--import', tsx, join(repoRoot, 'test/lsp/serve.ts')], {
    cwd: dir,
    initializationOptions: { debounceMs: 0 },
  });
  try {
    const uri = pathToFileURL(join(dir, name)).href;
    let doc = TextDocument.create(uri, 'dockerfile', 1, text);
    const opened = client.nextDiagnostics(uri, 1);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'dockerfile', version: 1, text } });
    let findings = (await opened).diagnostics.length;
    const at = doc.positionAt(editOffset(text));
    const samples: number[] = [];
    for (let i = 0; i < runs + 20; i++) {
      const change = typeOne(at);
      doc = TextDocument.update(doc, [change], doc.version + 1);
      const started = performance.now();
      const published = client.nextDiagnostics(uri, doc.version);
      await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: doc.version }, contentChanges: [change] });
      findings = (await published).diagnostics.length;
      const elapsed = performance.now() - started;
      if (i >= 20) samples.push(elapsed);
    }
    return { file: name, lines: text.split('\n').length, findings, path: 'stdio', runs, ...summarize(samples) };
  } finally {
    await client.close();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'tslint-docker-bench-lsp-'));
// its own repository root: no config from above applies
writeFileSync(join(dir, '.git'), '');
const rows: Row[] = [];
try {
  for (const file of files.length > 0 ? files : DEFAULT_FILES) {
    const text = readFileSync(file, 'utf8');
    const name = basename(file);
    writeFileSync(join(dir, name), text);
    rows.push(await inProcess(dir, name, text, false, runs));
    // the full lint runs external programs: fewer runs
    rows.push(await inProcess(dir, name, text, true, Math.max(1, Math.round(runs / 15))));
    rows.push(await overStdio(dir, name, text));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// --json prints the same {benchmark, rows} object as every other benchmark
report('lsp (re-lint latency after a one-character edit)', rows.map((r) => ({
  file: r.file, lines: r.lines, findings: r.findings, path: r.path, runs: r.runs, 'median ms': r.medianMs, 'p95 ms': r.p95Ms, 'max ms': r.maxMs,
})), json);
