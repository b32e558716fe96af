/**
 * Applying fixes: edits on the original text, in passes until nothing changes.
 * Overlapping fixes wait for the next pass (the text is re-linted in between);
 * a fix whose result no longer parses is dropped and reported.
 */
import { parseDockerfile } from '../parser/index.ts';
import type { Finding, Fix, TextEdit } from '../linter/types.ts';

export interface AppliedFix {
  ruleId: string;
  /** 1-based line of the finding in the text the fix was applied to */
  line: number;
  description: string;
  safety: Fix['safety'];
}

export interface FixOutcome {
  output: string;
  applied: AppliedFix[];
  /** fixes refused because the result would not parse */
  dropped: AppliedFix[];
  /** passes run; stops at maxPasses even if fixes remain */
  passes: number;
}

export interface FixOptions {
  unsafe: boolean;
  maxPasses?: number;
}

/** `lint` returns the findings for a text (the caller decides rules and config) */
export function fixText(source: string, lint: (text: string) => Finding[], options: FixOptions): FixOutcome {
  const maxPasses = options.maxPasses ?? 10;
  const outcome: FixOutcome = { output: source, applied: [], dropped: [], passes: 0 };
  const refused = new Set<string>();
  while (outcome.passes < maxPasses) {
    const candidates = lint(outcome.output)
      .filter((f) => f.fix && !f.suppressed && (f.fix.safety === 'safe' || options.unsafe) && f.fix.edits.length > 0)
      .filter((f) => !refused.has(fixKey(f, outcome.output)));
    if (candidates.length === 0) break;
    outcome.passes++;
    const chosen = nonOverlapping(candidates);
    const before = parserErrorCount(outcome.output);
    let next = applyEdits(outcome.output, chosen.flatMap((f) => f.fix!.edits));
    if (parserErrorCount(next) > before) {
      // find the culprits one by one: keep each fix that parses on its own
      next = outcome.output;
      const kept: Finding[] = [];
      for (const f of chosen) {
        const trial = applyEdits(outcome.output, f.fix!.edits);
        if (parserErrorCount(trial) > before) {
          refused.add(fixKey(f, outcome.output));
          outcome.dropped.push(describe(f));
        } else kept.push(f);
      }
      next = applyEdits(outcome.output, nonOverlapping(kept).flatMap((f) => f.fix!.edits));
      chosen.splice(0, chosen.length, ...nonOverlapping(kept));
    }
    if (next === outcome.output) break;
    outcome.applied.push(...chosen.map(describe));
    outcome.output = next;
  }
  return outcome;
}

function describe(f: Finding): AppliedFix {
  return { ruleId: f.ruleId, line: f.range.start.line, description: f.fix!.description, safety: f.fix!.safety };
}

function fixKey(f: Finding, text: string): string {
  return `${f.ruleId}@${f.range.start.offset}:${text.length}`;
}

/** fixes in source order whose edits touch no edit already chosen */
function nonOverlapping(findings: Finding[]): Finding[] {
  const chosen: Finding[] = [];
  const taken: TextEdit[] = [];
  const sorted = [...findings].sort((a, b) => firstEdit(a) - firstEdit(b));
  for (const f of sorted) {
    const edits = f.fix!.edits;
    if (edits.some((e) => taken.some((t) => overlaps(e, t)))) continue;
    chosen.push(f);
    taken.push(...edits);
  }
  return chosen;
}

function firstEdit(f: Finding): number {
  return Math.min(...f.fix!.edits.map((e) => e.start));
}

/** two insertions at the same point conflict too: their order would be arbitrary */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}

/** apply non-overlapping edits (offsets into `text`) */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos) continue;
    out += text.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  return out + text.slice(pos);
}

function parserErrorCount(text: string): number {
  return parseDockerfile(text).errors.length;
}
