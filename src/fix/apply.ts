/**
 * Applying fixes: edits on the original text, in passes until nothing changes. Each pass
 * applies fixes that share no text, and no instruction unless they come from the same rule
 * (one rule's fixes of one RUN were made together, from one reading of it; another rule's fix
 * of that RUN waits for the next pass, after the text is linted again). Every pass passes
 * the guard before it is kept: the Dockerfile parses with no new error, and every RUN the
 * fixes changed parses as shell with no new error. When it fails, each fix is tried alone;
 * one that fails is dropped and reported, never written. A file with syntax errors gets no
 * fixes (as Ruff and ESLint do): what a rule read in it may not be what the author meant.
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
    if (guardFailure(before, after) !== undefined) {
      // try each on its own: keep those that pass, drop the others
      const kept: Finding[] = [];
      for (const f of chosen) {
        const reason = guardFailure(before, parsed(applyEdits(text, f.fix!.edits)));
        if (reason === undefined) kept.push(f);
        else {
          refused.add(fixKey(f, before));
          const dropped = { ...describe(f), reason };
          if (!outcome.dropped.some((d) => d.ruleId === dropped.ruleId && d.line === dropped.line && d.reason === reason)) outcome.dropped.push(dropped);
        }
      }
      chosen = kept;
      next = applyEdits(text, chosen.flatMap((f) => f.fix!.edits));
      after = parsed(next);
      // each passes alone; together they still must (a fix only changes what it touches, so they do)
      if (guardFailure(before, after) !== undefined) {
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

/** a parsed text, and its model when asked for (the model parses RUN scripts on demand) */
interface Parsed {
  text: string;
  df: Dockerfile;
  model(): DockerfileModel;
}

function parsed(text: string): Parsed {
  const df = parseDockerfile(text);
  let model: DockerfileModel | undefined;
  return { text, df, model: () => (model ??= buildModel(df)) };
}

/** Why the text `after` is refused as a fixed `before`; undefined when it passes. */
function guardFailure(before: Parsed, after: Parsed): string | undefined {
  if (before.df.hasBom && !after.df.hasBom) return 'it would move the byte order mark';
  if (after.df.errors.length > before.df.errors.length) {
    const error = after.df.errors.find((e) => !before.df.errors.some((b) => b.message === e.message)) ?? after.df.errors[0]!;
    return `the Dockerfile would not parse: ${error.message}`;
  }
  // the RUNs the fixes changed, before and after: their scripts may not gain a shell syntax error
  const oldErrors = shellErrors(before, changedInstructions(before, after));
  const newErrors = shellErrors(after, changedInstructions(after, before));
  if (newErrors.length > oldErrors.length) {
    const error = newErrors.find((e) => !oldErrors.includes(e)) ?? newErrors[0]!;
    return `a RUN's shell script would not parse: ${error}`;
  }
  return undefined;
}

/** an instruction as text, without the line break after it (appending a line after the last one does not change it) */
const instructionText = (p: Parsed, ins: Instruction): string => p.text.slice(ins.start, ins.fullEnd).replace(/\r?\n$/, '');

/** the instructions of `a` that `b` does not have, compared by text */
function changedInstructions(a: Parsed, b: Parsed): Instruction[] {
  const left = new Map<string, number>();
  for (const ins of b.df.instructions) {
    const key = instructionText(b, ins);
    left.set(key, (left.get(key) ?? 0) + 1);
  }
  const changed: Instruction[] = [];
  for (const ins of a.df.instructions) {
    const key = instructionText(a, ins);
    const n = left.get(key) ?? 0;
    if (n > 0) left.set(key, n - 1);
    else changed.push(ins);
  }
  return changed;
}

/** the shell syntax errors of the scripts of these instructions' RUNs (an ONBUILD's trigger included) */
function shellErrors(p: Parsed, instructions: readonly Instruction[]): string[] {
  const errors: string[] = [];
  for (const ins of instructions) {
    const run = p.model().run(('trigger' in ins && ins.trigger) || ins);
    if (run) for (const script of run.scripts) for (const e of script.errors) errors.push(e.message);
  }
  return errors;
}

/**
 * The top-level instructions a set of edits touches: an edit overlaps the instruction's text
 * (its line terminator and heredoc bodies included), an insertion lies in it or at the end of
 * its text. Instructions are in order: a binary search finds the first candidate.
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
 * Fixes in source order that share no text with a fix chosen before them, and no instruction
 * with another rule's: two rules' fixes of one RUN were computed on the text before either, so
 * the second waits for the next pass and is computed again on the text the first left.
 */
function independent(findings: Finding[], df: Dockerfile): Finding[] {
  const chosen: Finding[] = [];
  const taken: TextEdit[] = [];
  const ruleOf = new Map<Instruction, string>();
  const sorted = [...findings].sort((a, b) => firstEdit(a) - firstEdit(b));
  for (const f of sorted) {
    const edits = f.fix!.edits;
    if (edits.some((e) => taken.some((t) => overlaps(e, t)))) continue;
    const instructions = touched(df, edits);
    if (instructions.some((ins) => (ruleOf.get(ins) ?? f.ruleId) !== f.ruleId)) continue;
    chosen.push(f);
    taken.push(...edits);
    for (const ins of instructions) ruleOf.set(ins, f.ruleId);
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
