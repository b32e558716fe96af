/**
 * Every rule of the `recommended` preset holds at least 90% precision on its judged corpus
 * sample (see README.md): each sampled finding is judged, and at least 90% of them are true.
 */
import { describe, expect, it } from 'vitest';
import { getLinter } from '../../src/linter/index.ts';
import { presetRules } from '../../src/linter/presets.ts';
import { MIN_PRECISION, corpusFindings, key, loadJudgements, sampleOf, type CorpusFinding, type Judgement } from './sample.ts';

describe('precision of the recommended preset on the corpus', () => {
  // the corpus is linted once for every rule (it takes seconds)
  const byRule = corpusFindings();

  for (const rule of presetRules('recommended', getLinter().metas).keys()) {
    const findings = byRule.get(rule) ?? [];
    if (findings.length === 0) {
      // config-only rules (label-*, untrusted-registry) and rules the corpus never triggers
      it(`${rule}: no finding on the corpus, nothing to judge`, () => {
        expect(sampleOf(findings)).toEqual([]);
      });
      continue;
    }
    const sample = sampleOf(findings);
    it(`${rule}: all ${sample.length} sampled findings judged, at least ${MIN_PRECISION * 100}% true`, () => {
      const judgements = loadJudgements(rule);
      const unjudged: CorpusFinding[] = [];
      const judged: Judgement[] = [];
      for (const f of sample) {
        const j = judgements.get(key(f.file, f.line, f.column));
        if (j === undefined) unjudged.push(f);
        else judged.push(j);
      }
      expect(unjudged.map((f) => `${f.file}:${f.line}:${f.column}  ${f.message}`), [
        `${rule}: ${unjudged.length} of its ${sample.length} sampled findings are not judged; print them with`,
        `  npx tsx test/precision/sample.ts ${rule} --unjudged`,
        `and add a line per finding to test/precision/judgements/${rule}.jsonl`,
      ].join('\n')).toEqual([]);
      const fps = judged.filter((j) => j.verdict === 'fp');
      const precision = (judged.length - fps.length) / judged.length;
      expect(precision, [
        `${rule}: ${judged.length - fps.length}/${judged.length} = ${(precision * 100).toFixed(0)}% of its sample is true, below ${MIN_PRECISION * 100}%;`,
        'make the rule right on these, or take it out of recommended (src/linter/presets.ts):',
        ...fps.map((j) => `  ${j.file}:${j.line}:${j.column}  ${j.reason}`),
      ].join('\n')).toBeGreaterThanOrEqual(MIN_PRECISION);
    });
  }
});
