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
import { PLATFORM_ARGS, PROXY_ARGS, type Scope } from './scope.ts';

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
 * closestName(name, [...scope names, ...always]) for an instruction of `stage`,
 * from one index of the names the stage ever sees (the scope of its last instruction holds every
 * name its instructions see, in the same order): O(names near `name`) a lookup, not O(names).
 */
export function closestNameInStage(
  model: DockerfileModel, stage: Stage, scope: Scope, always: readonly string[], name: string,
): string | undefined {
  let names = stageNames.get(stage);
  if (!names) {
    const last = stage.instructions[stage.instructions.length - 1];
    const scoped = new Map<string, number>();
    for (const n of last ? model.info(last).scope.vars.keys() : []) scoped.set(n, scoped.size);
    const more = new Map<string, number>();
    for (const n of always) if (!scoped.has(n) && !more.has(n)) more.set(n, scoped.size + more.size);
    stageNames.set(stage, (names = { scoped, more, index: new NameIndex([...scoped.keys(), ...more.keys()]) }));
  }
  const { scoped, more } = names;
  // a name the scope holds ranks among the scope's names, the others after them, as in the list
  return names.index.closest(name, (n) => (scope.has(n) ? scoped.get(n) : always.includes(n) ? more.get(n) : undefined));
}
const stageNames = new WeakMap<Stage, { scoped: Map<string, number>; more: Map<string, number>; index: NameIndex }>();

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
