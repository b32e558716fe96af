/**
 * Applying fixes: edits on the original text, in passes until nothing changes. Each pass
 * applies fixes that touch neither the same text nor the same instruction (a second fix on
 * one RUN waits for the next pass, after the text is linted again), and every fix passes
 * the guard before it is kept: the Dockerfile parses with no new error, and every RUN it
 * edits parses as shell with no new error. A fix that fails is dropped and reported, never
 * written. A file with syntax errors gets no fixes (as Ruff and ESLint do): what a rule
 * read in it may not be what the author meant.
 */
import { buildModel, type DockerfileModel } from '../model/model.ts';
import { parseDockerfile } from '../parser/index.ts';
import type { Dockerfile, Instruction } from '../parser/ast.ts';
import type { Finding, Fix, TextEdit } from '../linter/types.ts';

export interface AppliedFix {
  ruleId: string;
  /** 1-based line of the finding in the text the fix was applied to */
  line: number;
  description: string;
  safety: Fix['safety'];
}

export interface DroppedFix extends AppliedFix {
  /** what the guard found: `the Dockerfile would not parse: ...`, `the RUN's script would not parse: ...` */
  reason: string;
}

export interface FixOutcome {
  output: string;
  applied: AppliedFix[];
  /** fixes the guard refused */
  dropped: DroppedFix[];
  /** passes run; stops at maxPasses even if fixes remain */
  passes: number;
  /** set when no fix was tried: the first syntax error of the source (`line 3: unknown instruction: FOM`) */
  syntaxError?: string;
}

export interface FixOptions {
  unsafe: boolean;
  maxPasses?: number;
}

/** `lint` returns the findings for a text (the caller decides rules and config) */
export function fixText(source: string, lint: (text: string) => Finding[], options: FixOptions): FixOutcome {
  const maxPasses = options.maxPasses ?? 10;
  const outcome: FixOutcome = { output: source, applied: [], dropped: [], passes: 0 };
  let before = parsed(source);
  const firstError = before.df.errors[0];
  if (firstError) {
    outcome.syntaxError = `line ${before.df.lines.position(firstError.start).line}: ${firstError.message}`;
    return outcome;
  }
  const refused = new Set<string>();
  while (outcome.passes < maxPasses) {
    const text = outcome.output;
    const candidates = lint(text)
      .filter((f) => f.fix && !f.suppressed && (f.fix.safety === 'safe' || options.unsafe) && f.fix.edits.length > 0)
      .filter((f) => !refused.has(fixKey(f, before)));
    if (candidates.length === 0) break;
    outcome.passes++;
    let chosen = independent(candidates, before.df);
    let next = applyEdits(text, chosen.flatMap((f) => f.fix!.edits));
    let after = parsed(next);
    if (chosen.some((f) => guardFailure(before, f, chosen, after) !== undefined)) {
      // try each on its own: keep those that pass, drop the others
      const kept: Finding[] = [];
      for (const f of chosen) {
        const alone = parsed(applyEdits(text, f.fix!.edits));
        const reason = guardFailure(before, f, [f], alone);
        if (reason === undefined) kept.push(f);
        else {
          refused.add(fixKey(f, before));
          outcome.dropped.push({ ...describe(f), reason });
        }
      }
      chosen = kept;
      next = applyEdits(text, chosen.flatMap((f) => f.fix!.edits));
      after = parsed(next);
      // each passes alone; together they still must (they touch different instructions, so they do)
      if (chosen.some((f) => guardFailure(before, f, chosen, after) !== undefined)) {
        chosen = chosen.slice(0, 1);
        next = applyEdits(text, chosen.flatMap((f) => f.fix!.edits));
        after = parsed(next);
      }
    }
    if (next === text) {
      if (outcome.dropped.length > 0 && chosen.length === 0) continue;
      break;
    }
    outcome.applied.push(...chosen.map(describe));
    outcome.output = next;
    before = after;
  }
  return outcome;
}

/** a parsed text and its model, built once per text (the model parses RUN scripts on demand) */
interface Parsed {
  text: string;
  df: Dockerfile;
  model: DockerfileModel;
}

function parsed(text: string): Parsed {
  const df = parseDockerfile(text);
  return { text, df, model: buildModel(df) };
}

/**
 * Why `fix`, applied with `all` (the fixes of this pass, `fix` among them) to `before`, is
 * refused in `after`; undefined when it passes.
 */
function guardFailure(before: Parsed, fix: Finding, all: readonly Finding[], after: Parsed): string | undefined {
  if (before.df.hasBom && !after.df.hasBom) return 'it would move the byte order mark';
  if (after.df.errors.length > before.df.errors.length) {
    const error = after.df.errors.find((e) => !before.df.errors.some((b) => b.message === e.message)) ?? after.df.errors[0]!;
    return `the Dockerfile would not parse: ${error.message}`;
  }
  // the RUNs the fix edits, before and after: their scripts may not gain a shell syntax error
  const edits = fix.fix!.edits;
  const oldErrors = shellErrors(before, touched(before.df, edits));
  const newRanges = editedRanges(all.flatMap((f) => f.fix!.edits), new Set(edits));
  const newErrors = shellErrors(after, touched(after.df, newRanges));
  if (newErrors.length > oldErrors.length) {
    const error = newErrors.find((e) => !oldErrors.includes(e)) ?? newErrors[0]!;
    return `a RUN's shell script would not parse: ${error}`;
  }
  return undefined;
}

/** the shell syntax errors of the scripts of these instructions' RUNs (an ONBUILD's trigger included) */
function shellErrors(p: Parsed, instructions: readonly Instruction[]): string[] {
  const errors: string[] = [];
  for (const ins of instructions) {
    const run = p.model.run(('trigger' in ins && ins.trigger) || ins);
    if (run) for (const script of run.scripts) for (const e of script.errors) errors.push(e.message);
  }
  return errors;
}

/**
 * The top-level instructions a set of ranges touches: a range overlaps the instruction's
 * text (its line terminator and heredoc bodies included), an insertion lies in it or at the
 * end of its text. Instructions are in order: a binary search finds the first candidate.
 */
function touched(df: Dockerfile, ranges: readonly { start: number; end: number }[]): Instruction[] {
  const list = df.instructions;
  const out = new Set<Instruction>();
  for (const r of ranges) {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.fullEnd < r.start) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < list.length && list[k]!.start <= r.end; k++) {
      const ins = list[k]!;
      const hit = r.start === r.end ? ins.start <= r.start && (r.start < ins.fullEnd || r.start <= ins.end) : r.start < ins.fullEnd && ins.start < r.end;
      if (hit) out.add(ins);
    }
  }
  return [...out];
}

/** where the edits in `mine` landed once all of `edits` were applied (offsets in the new text) */
function editedRanges(edits: readonly TextEdit[], mine: ReadonlySet<TextEdit>): { start: number; end: number }[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const ranges: { start: number; end: number }[] = [];
  let shift = 0;
  for (const e of sorted) {
    if (mine.has(e)) ranges.push({ start: e.start + shift, end: e.start + shift + e.text.length });
    shift += e.text.length - (e.end - e.start);
  }
  return ranges;
}

function describe(f: Finding): AppliedFix {
  return { ruleId: f.ruleId, line: f.range.start.line, description: f.fix!.description, safety: f.fix!.safety };
}

/**
 * A refused fix, recognised in later passes though other fixes moved its offsets: its rule,
 * the text of the instructions it edits, and its edits relative to them.
 */
function fixKey(f: Finding, p: Parsed): string {
  const edits = f.fix!.edits;
  const instructions = touched(p.df, edits);
  const base = instructions[0]?.start ?? 0;
  const where = instructions.map((ins) => p.text.slice(ins.start, ins.fullEnd)).join('');
  return `${f.ruleId}\0${where}\0${edits.map((e) => `${e.start - base}:${e.end - base}:${e.text}`).join('\0')}`;
}

/**
 * Fixes in source order that share no text and no instruction with a fix chosen before them:
 * two fixes of one RUN were both computed on the text before either, so the second waits
 * for the next pass and is computed again on the text the first left.
 */
function independent(findings: Finding[], df: Dockerfile): Finding[] {
  const chosen: Finding[] = [];
  const taken: TextEdit[] = [];
  const takenInstructions = new Set<Instruction>();
  const sorted = [...findings].sort((a, b) => firstEdit(a) - firstEdit(b));
  for (const f of sorted) {
    const edits = f.fix!.edits;
    if (edits.some((e) => taken.some((t) => overlaps(e, t)))) continue;
    const instructions = touched(df, edits);
    if (instructions.some((ins) => takenInstructions.has(ins))) continue;
    chosen.push(f);
    taken.push(...edits);
    for (const ins of instructions) takenInstructions.add(ins);
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
