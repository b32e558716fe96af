/**
 * Dockerfile-level variable use: which words of an instruction BuildKit expands
 * (not RUN's shell variables, which the shell resolves), and the references in them
 * that no ARG or ENV in scope defines.
 */
import { closestMatch } from '../config/suggest.ts';
import type { CopyInstruction, ExposeInstruction, FromInstruction, Instruction, KeyValueInstruction, Span, StringInstruction, VolumeInstruction } from '../parser/ast.ts';
import { repositoryName, type ImageRef } from './image.ts';
import { NameIndex } from './name-index.ts';
import type { DockerfileModel, Stage } from './model.ts';
import { PLATFORM_ARGS, PROXY_ARGS, Variables, type Scope } from './scope.ts';
import { perModel } from './per-model.ts';

/** a word as written and where it is */
export interface ExpandedWord {
  raw: string;
  span: Span;
  /** the flag it is the value of (`from` for `COPY --from=...`) */
  flag?: string;
  /** the name it is the value of (`ENV key=value`, `LABEL`, `ARG`) */
  key?: string;
}

export interface UndefinedReference {
  name: string;
  /** offsets of its `$` and just past it (its `}`) in the word as written */
  at: number;
  atEnd: number;
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
      if (f.name === name && f.value !== undefined && f.valueSpan) words.push({ raw: f.value, span: f.valueSpan, flag: name });
    }
  }
  switch (ins.keyword) {
    case 'ENV':
    case 'LABEL':
      for (const p of (ins as KeyValueInstruction).pairs) {
        add(p.key);
        if (p.value) words.push({ raw: p.value.raw, span: { start: p.value.start, end: p.value.end }, key: p.key.value });
      }
      break;
    case 'ARG':
      for (const p of (ins as KeyValueInstruction).pairs) if (p.value) words.push({ raw: p.value.raw, span: { start: p.value.start, end: p.value.end }, key: p.key.value });
      break;
    case 'COPY':
    case 'ADD':
      (ins as CopyInstruction).paths.forEach(add);
      // `COPY <<EOF /file` expands the body unless the delimiter is quoted; quotes do not protect
      // anything there (BuildKit expands it with SkipProcessQuotes), so they are blanked out
      for (const h of ins.heredocs) {
        if (h.expand) words.push({ raw: h.content.replace(/["']/g, ' '), span: h.contentSpan });
      }
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
      at: r.start,
      atEnd: r.end,
      span: exact ? { start: word.span.start + r.start, end: Math.min(word.span.end, word.span.start + r.end) } : word.span,
    }));
}

/** the defined name `name` is most likely a typo of */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  return closestMatch(name, candidates);
}

/**
 * closestName(name, [...scope names, ...always]) for an instruction of `stage`, where the list
 * holds the names of the scope of the stage's last instruction (every name its instructions
 * see, in the same order) that the instruction's scope has, then the names of `always` that
 * stage does not declare. From one index of every name the file's scopes hold, with the rank
 * the stage's last scope gives each name: O(names near `name`) a lookup, not O(names), and no
 * list per stage (a chain of stages, each seeing the names of those below, made one O(n^2)).
 */
export function closestNameInStage(
  model: DockerfileModel, stage: Stage, scope: Scope, always: readonly string[], name: string,
): string | undefined {
  const last = stage.instructions[stage.instructions.length - 1];
  const end = last ? model.info(last).scope.vars : Variables.EMPTY;
  const place = end instanceof Variables ? (n: string) => end.placeOf(n) : placesOf(end);
  const more = always.filter((n, i) => !end.has(n) && always.indexOf(n) === i);
  const after = Number.MAX_SAFE_INTEGER - more.length;
  // a name the scope holds ranks among the scope's names, the others after them, as in the list
  const rank = (n: string) => (scope.has(n) ? place(n) : more.includes(n) ? after + more.indexOf(n) : undefined);
  return fileNameIndex(model, always).closest(name, rank);
}

/** the places of a map's names in its order */
function placesOf(vars: ReadonlyMap<string, unknown>): (name: string) => number | undefined {
  const places = new Map<string, number>();
  for (const n of vars.keys()) places.set(n, places.size);
  return (n) => places.get(n);
}

/**
 * One index per file (and list of names always defined) of every name a stage's scope can hold:
 * the predefined ARGs, what an image's config declares, and the names every ARG and ENV declares.
 */
function fileNameIndex(model: DockerfileModel, always: readonly string[]): NameIndex {
  const indexes = fileNameIndexes(model);
  const key = always.join('\0');
  let index = indexes.get(key);
  if (!index) indexes.set(key, (index = new NameIndex([...scopeNames(model), ...always])));
  return index;
}
const fileNameIndexes = perModel(() => new Map<string, NameIndex>());
const scopeNames = perModel((model) => {
  const names = new Set<string>(PROXY_ARGS);
  for (const stage of model.stages) {
    // a stage built on an image starts with the proxy ARGs and the image's ENV: its first instruction's scope
    const first = stage.instructions[0];
    if (!stage.baseStage && first) for (const n of model.info(first).scope.vars.keys()) names.add(n);
    for (const ins of stage.instructions) {
      if (ins.keyword === 'ARG' || ins.keyword === 'ENV') for (const pair of (ins as KeyValueInstruction).pairs) names.add(pair.key.value);
    }
  }
  return names;
});

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

/** what follows `${name` in the word, for a braced reference */
function modifierOf(raw: string, ref: { name: string; at: number }): string | undefined {
  if (raw[ref.at + 1] !== '{') return undefined;
  const from = ref.at + 2 + ref.name.length;
  return raw.slice(from, from + 2);
}

/**
 * Whether the reference is `${name<modifier>...}` with a modifier BuildKit rejects
 * (`${templateOption:installZsh}`): template text for another tool, which fails the build as
 * it is, not a variable that lacks a definition.
 */
export function hasRejectedModifier(raw: string, ref: { name: string; at: number }): boolean {
  const modifier = modifierOf(raw, ref);
  return modifier !== undefined && !/^([}+?#%/-]|:[-+?])/.test(modifier);
}

/** `${NAME:-default}`, `${NAME:+alt}`, `${NAME?message}`: the word says what happens when NAME is unset */
export function handlesUnset(raw: string, ref: { name: string; at: number }): boolean {
  return /^(:?[-+?])/.test(modifierOf(raw, ref) ?? '');
}

/** `$B` in `${A:+$B}` with A unset: the alternative is never expanded */
export function inUnusedAlternative(raw: string, ref: UndefinedReference, undefinedRefs: readonly UndefinedReference[]): boolean {
  return undefinedRefs.some((outer) => outer.at < ref.at && ref.at < outer.atEnd && /^:?\+/.test(modifierOf(raw, outer) ?? ''));
}

/**
 * The environment names an external image is known to define: the bare distribution images
 * (debian, ubuntu, alpine, busybox) and scratch set only PATH (BuildKit adds one where it is
 * missing). Undefined for any other image, whose ENV is not known without the registry.
 */
export function knownImageEnv(image: ImageRef): ReadonlySet<string> | undefined {
  if (image.isScratch) return PATH_ONLY;
  return image.resolved && BARE_IMAGES.test(repositoryName(image)) ? PATH_ONLY : undefined;
}
const PATH_ONLY: ReadonlySet<string> = new Set(['PATH']);
const BARE_IMAGES = /^(debian|ubuntu|alpine|busybox)$/;

export interface Declaration {
  ins: KeyValueInstruction;
  /** undefined for a global ARG */
  stage?: Stage;
}

/** every ARG and ENV name of the Dockerfile with where it is declared (ONBUILD triggers aside) */
export function declarationsByName(model: DockerfileModel): Map<string, Declaration[]> {
  const byName = new Map<string, Declaration[]>();
  for (const { ins, stage, onbuild } of model.instructions) {
    if ((ins.keyword !== 'ARG' && ins.keyword !== 'ENV') || onbuild) continue;
    for (const p of (ins as KeyValueInstruction).pairs) {
      let list = byName.get(p.key.value);
      if (!list) byName.set(p.key.value, (list = []));
      list.push(stage ? { ins: ins as KeyValueInstruction, stage } : { ins: ins as KeyValueInstruction });
    }
  }
  return byName;
}

/**
 * Whether the Dockerfile is a template that a script fills in before the build: a FROM image
 * uses a variable no global ARG declares, or a `COPY --from` uses a variable (BuildKit rejects
 * both as written). Its other undeclared names are placeholders of the same kind.
 */
export function isTemplate(model: DockerfileModel): boolean {
  for (const { ins } of model.instructions) {
    if (ins.keyword === 'FROM') {
      const image = (ins as FromInstruction).image;
      if (image && model.info(ins).scope.expand(image.value).undefinedRefs.some((r) => !PREDEFINED_ARG_NAMES.has(r.name))) return true;
    } else if (ins.keyword === 'COPY' && ins.flags.some((f) => f.name === 'from' && (f.value ?? '').includes('$'))) {
      return true;
    }
  }
  return false;
}
