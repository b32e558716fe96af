/**
 * Dockerfile-level variable use: which words of an instruction BuildKit expands
 * (not RUN's shell variables, which the shell resolves), and the references in them
 * that no ARG or ENV in scope defines.
 */
import { closestMatch } from '../config/suggest.ts';
import type { CopyInstruction, ExposeInstruction, Instruction, KeyValueInstruction, Span, StringInstruction, VolumeInstruction } from '../parser/ast.ts';
import type { Stage } from './model.ts';
import { PLATFORM_ARGS, PROXY_ARGS, type Scope } from './scope.ts';

/** a word as written and where it is */
export interface ExpandedWord {
  raw: string;
  span: Span;
}

export interface UndefinedReference {
  name: string;
  /** the `$NAME` / `${NAME...}` reference, or the whole word when it spans a line continuation */
  span: Span;
}

/** names BuildKit never reports: the predefined proxy and platform ARGs */
export const PREDEFINED_ARG_NAMES: ReadonlySet<string> = new Set<string>([...PROXY_ARGS, ...PLATFORM_ARGS]);

/** flags whose value BuildKit expands, per keyword */
const EXPANDED_FLAGS: Readonly<Record<string, readonly string[]>> = {
  COPY: ['from', 'chown', 'chmod'],
  ADD: ['chown', 'chmod', 'checksum'],
  RUN: ['mount'],
};

/** The words of `ins` that BuildKit expands with ARG/ENV values (FROM excluded: it sees only global ARGs). */
export function expandedWords(ins: Instruction): ExpandedWord[] {
  const words: ExpandedWord[] = [];
  const add = (w: { raw: string; start: number; end: number } | undefined) => {
    if (w) words.push({ raw: w.raw, span: { start: w.start, end: w.end } });
  };
  for (const name of EXPANDED_FLAGS[ins.keyword] ?? []) {
    for (const f of ins.flags) {
      if (f.name === name && f.value !== undefined && f.valueSpan) words.push({ raw: f.value, span: f.valueSpan });
    }
  }
  switch (ins.keyword) {
    case 'ENV':
    case 'LABEL':
      for (const p of (ins as KeyValueInstruction).pairs) {
        add(p.key);
        add(p.value);
      }
      break;
    case 'ARG':
      for (const p of (ins as KeyValueInstruction).pairs) add(p.value);
      break;
    case 'COPY':
    case 'ADD':
      (ins as CopyInstruction).paths.forEach(add);
      break;
    case 'VOLUME':
      (ins as VolumeInstruction).paths.forEach(add);
      break;
    case 'EXPOSE':
      (ins as ExposeInstruction).ports.forEach(add);
      break;
    case 'WORKDIR':
    case 'USER':
    case 'STOPSIGNAL':
      add((ins as StringInstruction).argument);
      break;
  }
  return words;
}

/** references in `word` that `scope` does not define (the predefined ARGs excepted) */
export function undefinedReferences(scope: Scope, word: ExpandedWord): UndefinedReference[] {
  if (!word.raw.includes('$')) return [];
  // positions inside the word are exact only when it has no line continuation
  const exact = word.span.end - word.span.start === word.raw.length;
  return scope.expand(word.raw).undefinedRefs
    .filter((r) => !PREDEFINED_ARG_NAMES.has(r.name))
    .map((r) => ({
      name: r.name,
      span: exact ? { start: word.span.start + r.start, end: Math.min(word.span.end, word.span.start + r.end) } : word.span,
    }));
}

/** the defined name `name` is most likely a typo of */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  return closestMatch(name, candidates);
}

/** `a` and `b` differ by one insertion, deletion, substitution or swap of adjacent characters (case-insensitive) */
export function withinOneEdit(a: string, b: string): boolean {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  if (s === t) return true;
  if (Math.abs(s.length - t.length) > 1) return false;
  let i = 0;
  while (i < s.length && i < t.length && s[i] === t[i]) i++;
  if (s.length === t.length) {
    if (s.slice(i + 1) === t.slice(i + 1)) return true;
    return s[i] === t[i + 1] && s[i + 1] === t[i] && s.slice(i + 2) === t.slice(i + 2);
  }
  return s.length > t.length ? s.slice(i + 1) === t.slice(i) : s.slice(i) === t.slice(i + 1);
}

/** the stage a chain of `FROM <stage>` ends at: its base is an image (or scratch) */
export function rootStage(stage: Stage): Stage {
  let s = stage;
  const seen = new Set<Stage>();
  while (s.baseStage && !seen.has(s)) {
    seen.add(s);
    s = s.baseStage;
  }
  return s;
}
