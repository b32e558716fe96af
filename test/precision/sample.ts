/**
 * The precision sample: which corpus findings of a rule are judged, and the judgements.
 *
 * Each finding of a rule over the corpus gets a rank, a hash of (rule, file, line, column), so
 * a finding keeps its rank whatever else the rule reports. A rule's sample is its SAMPLE_SIZE
 * lowest-ranked current findings (all of them when it has fewer): a seeded random sample that
 * nobody picks by hand, and that changes only where the rule's findings change.
 *
 * Judgements live in `judgements/<rule-id>.jsonl`, one per line:
 *   {"file":"<corpus file>","line":12,"column":5,"verdict":"tp","reason":"..."}
 * `tp`: an experienced Docker engineer would change that line as the finding says; `fp`: would not.
 *
 * Usage (prints the sample with each finding's judgement or `??`, and the lines around it):
 *   npx tsx test/precision/sample.ts RULE-ID [--size N] [--context N] [--unjudged]
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getLinter } from '../../src/linter/index.ts';
import type { LintOptions } from '../../src/linter/linter.ts';
import type { Finding } from '../../src/linter/types.ts';
import { SHARED } from '../helpers/shared.ts';

export const SAMPLE_SIZE = 20;
/** the bar a rule of the `recommended` preset holds on its judged sample */
export const MIN_PRECISION = 0.9;
export const CORPUS_DIR = join(SHARED, 'corpus/real');
export const JUDGEMENTS_DIR = fileURLToPath(new URL('judgements/', import.meta.url));

export type Verdict = 'tp' | 'fp';

export interface Judgement {
  file: string;
  line: number;
  column: number;
  verdict: Verdict;
  reason: string;
}

export interface CorpusFinding {
  file: string;
  line: number;
  column: number;
  message: string;
  rank: string;
}

export function rank(rule: string, file: string, line: number, column: number): string {
  return createHash('sha256').update(`${rule}\0${file}\0${line}\0${column}`).digest('hex').slice(0, 16);
}

export function key(file: string, line: number, column: number): string {
  return `${file}:${line}:${column}`;
}

export function corpusFiles(): string[] {
  return readdirSync(CORPUS_DIR).sort();
}

/**
 * Every finding of every rule over the corpus, by rule id. Files are linted without a build
 * context (the corpus has none), with every rule on and the given preset's semantics.
 */
export function corpusFindings(options: LintOptions = { preset: 'recommended' }): Map<string, CorpusFinding[]> {
  const linter = getLinter();
  const byRule = new Map<string, CorpusFinding[]>();
  for (const file of corpusFiles()) {
    const source = readFileSync(join(CORPUS_DIR, file), 'utf8');
    const findings: Finding[] = linter.lint(source, { enableAll: true, ...options, filePath: file }).findings;
    for (const f of findings) {
      if (f.suppressed) continue;
      const { line, column } = f.range.start;
      let list = byRule.get(f.ruleId);
      if (list === undefined) byRule.set(f.ruleId, (list = []));
      list.push({ file, line, column, message: f.message, rank: rank(f.ruleId, file, line, column) });
    }
  }
  return byRule;
}

/** the rule's sample: its `size` lowest-ranked findings */
export function sampleOf(findings: readonly CorpusFinding[], size = SAMPLE_SIZE): CorpusFinding[] {
  return [...findings].sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0)).slice(0, size);
}

export function loadJudgements(rule: string): Map<string, Judgement> {
  const path = join(JUDGEMENTS_DIR, `${rule}.jsonl`);
  const judgements = new Map<string, Judgement>();
  if (!existsSync(path)) return judgements;
  for (const [i, line] of readFileSync(path, 'utf8').split('\n').entries()) {
    if (line.trim() === '') continue;
    const j = JSON.parse(line) as Judgement;
    if ((j.verdict !== 'tp' && j.verdict !== 'fp') || typeof j.reason !== 'string' || j.reason.trim() === '') {
      throw new Error(`${path}:${i + 1}: a judgement needs verdict "tp" or "fp" and a reason`);
    }
    judgements.set(key(j.file, j.line, j.column), j);
  }
  return judgements;
}

export function judgedRules(): string[] {
  return existsSync(JUDGEMENTS_DIR)
    ? readdirSync(JUDGEMENTS_DIR).filter((f) => f.endsWith('.jsonl')).map((f) => f.slice(0, -'.jsonl'.length)).sort()
    : [];
}

function main(): void {
  const args = process.argv.slice(2);
  const rule = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a));
  if (rule === undefined) {
    console.error('usage: npx tsx test/precision/sample.ts RULE-ID [--size N] [--context N] [--unjudged]');
    process.exit(2);
  }
  const size = Number(args[args.indexOf('--size') + 1] ?? SAMPLE_SIZE) || SAMPLE_SIZE;
  const around = args.includes('--context') ? Number(args[args.indexOf('--context') + 1]) : 3;
  const onlyUnjudged = args.includes('--unjudged');
  const findings = corpusFindings().get(rule) ?? [];
  const judgements = loadJudgements(rule);
  const files = new Set(findings.map((f) => f.file)).size;
  console.log(`${rule}: ${findings.length} findings in ${files} of ${corpusFiles().length} corpus files; sample of ${Math.min(size, findings.length)}\n`);
  for (const f of sampleOf(findings, size)) {
    const j = judgements.get(key(f.file, f.line, f.column));
    if (onlyUnjudged && j) continue;
    console.log(`${j ? j.verdict : '??'} ${f.file}:${f.line}:${f.column}  ${f.message}${j ? `\n   reason: ${j.reason}` : ''}`);
    const lines = readFileSync(join(CORPUS_DIR, f.file), 'utf8').split('\n');
    for (let n = Math.max(1, f.line - around); n <= Math.min(lines.length, f.line + around); n++) {
      console.log(`   ${n === f.line ? '>' : ' '}${String(n).padStart(4)}| ${lines[n - 1]}`);
    }
    console.log();
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) main();
