/**
 * bench precision: per rule of a preset (default `recommended`), how often it fires on the
 * corpus (files, findings, docker-library files) and its precision on the judged sample
 * (test/precision/); then the share of files with any finding of the preset.
 * Lints the sources (not dist/): the judgements were made against them, and the test holds them.
 * Run: npx tsx bench/precision.ts [--preset recommended|hadolint|buildkit|all] [--json]
 */
import { fileURLToPath } from 'node:url';
import { getLinter } from '../src/linter/index.ts';
import { presetRules } from '../src/linter/presets.ts';
import { PRESET_NAMES, type PresetName, type Severity } from '../src/linter/types.ts';
import { corpusFiles, corpusFindings, key, loadJudgements, sampleOf } from '../test/precision/sample.ts';
import { report } from './corpus.ts';

/** the docker official images: written by experts, so what a preset reports there should be rare */
const isDockerLibrary = (file: string): boolean => file.startsWith('docker-library__');
const AT_LEAST_WARNING: ReadonlySet<Severity> = new Set(['error', 'warning']);

export function presetArg(argv: readonly string[]): PresetName {
  const i = argv.indexOf('--preset');
  if (i < 0) return 'recommended';
  const name = argv[i + 1];
  if (!PRESET_NAMES.includes(name as PresetName)) throw new Error(`--preset takes one of ${PRESET_NAMES.join(', ')}`);
  return name as PresetName;
}

export function benchPrecision(json: boolean, preset: PresetName = 'recommended'): void {
  const files = corpusFiles();
  const library = files.filter(isDockerLibrary).length;
  const rules = presetRules(preset, getLinter().metas);
  const byRule = corpusFindings({ preset });
  const pct = (n: number, of: number): string => `${((n / of) * 100).toFixed(1)}%`;
  const anyFinding = new Set<string>();
  const atLeastWarning = new Set<string>();
  const rows = [...rules].map(([rule, severity]) => {
    const findings = byRule.get(rule) ?? [];
    const firing = new Set(findings.map((f) => f.file));
    for (const file of firing) {
      anyFinding.add(file);
      if (AT_LEAST_WARNING.has(severity)) atLeastWarning.add(file);
    }
    const judgements = loadJudgements(rule);
    const sample = sampleOf(findings);
    let tp = 0;
    let fp = 0;
    for (const f of sample) {
      const verdict = judgements.get(key(f.file, f.line, f.column))?.verdict;
      if (verdict === 'tp') tp++;
      else if (verdict === 'fp') fp++;
    }
    return {
      rule,
      severity,
      files: pct(firing.size, files.length),
      findings: findings.length,
      'docker-library': pct([...firing].filter(isDockerLibrary).length, library),
      sample: sample.length,
      judged: tp + fp,
      tp,
      fp,
      precision: tp + fp === 0 ? '-' : pct(tp, tp + fp),
    };
  }).sort((a, b) => b.findings - a.findings || a.rule.localeCompare(b.rule));
  report(`precision per rule (preset ${preset}; judged sample: test/precision/judgements)`, rows, json);
  const libraryOf = (set: Set<string>): number => [...set].filter(isDockerLibrary).length;
  report(`corpus files with a finding (preset ${preset})`, [
    { findings: 'warning or error', 'corpus files': pct(atLeastWarning.size, files.length), 'docker-library files': pct(libraryOf(atLeastWarning), library) },
    { findings: 'any severity', 'corpus files': pct(anyFinding.size, files.length), 'docker-library files': pct(libraryOf(anyFinding), library) },
  ], json);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) benchPrecision(process.argv.includes('--json'), presetArg(process.argv));
