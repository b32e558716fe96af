/**
 * ARG and ENV scoping as BuildKit applies it. Global ARGs (before the first FROM) are
 * visible in FROM lines only, unless a stage re-declares them; stage ARGs and ENVs
 * are visible from their line on; `FROM <stage>` inherits that stage's ARGs and ENVs.
 */
import { expandWord, findVariableReferences, type Env } from '../parser/expansion/index.ts';
import type { EscapeChar, Instruction, Span } from '../parser/ast.ts';

export interface Variable {
  name: string;
  /** undefined when the value is not known at lint time (an ARG without default) */
  value?: string;
  kind: 'arg' | 'env' | 'predefined';
  declaredAt?: Instruction;
  /** an ARG whose value a build argument (`--build-arg`, config buildArgs) gives: the default the file declares */
  buildArg?: { default: string | undefined };
}

/** BuildKit's automatic platform ARGs: in the global scope, usable in FROM */
export const PLATFORM_ARGS = [
  'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT',
  'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT',
] as const;

/** predefined ARGs usable without a declaration (passed with --build-arg) */
export const PROXY_ARGS = [
  'HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy',
  'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy',
] as const;

export interface Expansion {
  /** the expanded text; undefined when a variable's value is unknown or expansion fails */
  value?: string;
  /** variables referenced but not in scope, with their positions in the word */
  undefinedRefs: { name: string; start: number; end: number }[];
  /** in scope, but without a known value */
  unknownRefs: string[];
}

/** a read-only map of variables whose iteration comes from `entries()` */
abstract class VariableView implements ReadonlyMap<string, Variable> {
  abstract get(name: string): Variable | undefined;
  abstract get size(): number;
  abstract entries(): MapIterator<[string, Variable]>;

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  *keys(): MapIterator<string> {
    for (const [name] of this.entries()) yield name;
  }

  *values(): MapIterator<Variable> {
    for (const [, variable] of this.entries()) yield variable;
  }

  [Symbol.iterator](): MapIterator<[string, Variable]> {
    return this.entries();
  }

  forEach(callback: (value: Variable, key: string, map: ReadonlyMap<string, Variable>) => void): void {
    for (const [name, variable] of this.entries()) callback(variable, name, this);
  }
}

/** a variable and when its name was first declared in the scope (the scope iterates in that order) */
interface Slot {
  readonly variable: Variable;
  readonly order: number;
}
/** the slots whose names hash alike (usually one) */
class Bucket {
  constructor(readonly hash: number, readonly slots: readonly Slot[]) {}
}
/** a node of the trie: 5 bits of the hash choose a child; `bitmap` says which children exist */
class Branch {
  constructor(readonly bitmap: number, readonly children: readonly (Bucket | Branch)[]) {}
}
type TrieNode = Bucket | Branch;

const BITS = 5;
const MASK = (1 << BITS) - 1;

/** FNV-1a: names are short, and equal names hash alike */
function hashOf(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

/** `node` with `slot` set for its name; the old node is left as it was */
function withSlot(node: TrieNode | undefined, hash: number, shift: number, slot: Slot): TrieNode {
  if (node === undefined) return new Bucket(hash, [slot]);
  if (node instanceof Bucket) {
    if (node.hash === hash) {
      const i = node.slots.findIndex((s) => s.variable.name === slot.variable.name);
      return new Bucket(hash, i < 0 ? [...node.slots, slot] : node.slots.map((s, j) => (j === i ? slot : s)));
    }
    // two hashes in one place: a branch below holds both
    const below = new Branch(1 << ((node.hash >>> shift) & MASK), [node]);
    return withSlot(below, hash, shift, slot);
  }
  const bit = 1 << ((hash >>> shift) & MASK);
  const at = popcount(node.bitmap & (bit - 1));
  const children = node.children.slice();
  if (node.bitmap & bit) children[at] = withSlot(children[at], hash, shift + BITS, slot);
  else children.splice(at, 0, new Bucket(hash, [slot]));
  return new Branch(node.bitmap | bit, children);
}

function slotOf(node: TrieNode | undefined, hash: number, name: string): Slot | undefined {
  for (let shift = 0; node !== undefined; shift += BITS) {
    if (node instanceof Bucket) return node.hash === hash ? node.slots.find((s) => s.variable.name === name) : undefined;
    const bit = 1 << ((hash >>> shift) & MASK);
    node = node.bitmap & bit ? node.children[popcount(node.bitmap & (bit - 1))] : undefined;
  }
  return undefined;
}

function collect(node: TrieNode | undefined, into: Slot[]): void {
  if (node instanceof Bucket) into.push(...node.slots);
  else if (node) for (const child of node.children) collect(child, into);
}

/**
 * The variables in scope at one point of the file: a persistent hash trie, so declaring a
 * variable makes a new scope in O(log n) and leaves the old one as it was. Every ARG and ENV
 * makes a new one, the instructions before it keep theirs, and a stage built FROM another
 * starts from that stage's last scope as it is: no copies (a copy per stage made a chain of
 * stages cost O(n^2)). Iterates in the order names were first declared, as a Map would.
 */
export class Variables extends VariableView {
  static readonly EMPTY = new Variables(undefined, 0, 0);

  private constructor(
    private readonly root: TrieNode | undefined,
    readonly size: number,
    /** the order the next new name takes */
    private readonly next: number,
  ) {
    super();
  }

  get(name: string): Variable | undefined {
    return slotOf(this.root, hashOf(name), name)?.variable;
  }

  /** the place of `name` in the order the scope iterates in (not an index: later names have larger places); undefined when not in scope */
  placeOf(name: string): number | undefined {
    return slotOf(this.root, hashOf(name), name)?.order;
  }

  /** this scope with `variable` declared (its name keeps its place in the order when redeclared) */
  with(variable: Variable): Variables {
    const hash = hashOf(variable.name);
    const old = slotOf(this.root, hash, variable.name);
    const slot: Slot = { variable, order: old ? old.order : this.next };
    return new Variables(withSlot(this.root, hash, 0, slot), old ? this.size : this.size + 1, old ? this.next : this.next + 1);
  }

  *entries(): MapIterator<[string, Variable]> {
    const slots: Slot[] = [];
    collect(this.root, slots);
    slots.sort((a, b) => a.order - b.order);
    for (const { variable } of slots) yield [variable.name, variable];
  }
}

export class Scope {
  constructor(
    readonly vars: ReadonlyMap<string, Variable>,
    private readonly escape: EscapeChar,
  ) {}

  has(name: string): boolean {
    return this.vars.has(name);
  }

  /** the value of a variable, undefined when unset or unknown */
  value(name: string): string | undefined {
    return this.vars.get(name)?.value;
  }

  /** expand `$VAR` / `${VAR...}` in a word the way BuildKit does for this instruction */
  expand(word: string): Expansion {
    const result: Expansion = { undefinedRefs: [], unknownRefs: [] };
    if (!/[$"'\\`]/.test(word)) {
      result.value = word;
      return result;
    }
    for (const ref of findVariableReferences(word, this.escape)) {
      const v = this.vars.get(ref.name);
      if (!v) result.undefinedRefs.push({ name: ref.name, start: ref.start, end: ref.end });
      else if (v.value === undefined) result.unknownRefs.push(ref.name);
    }
    if (result.unknownRefs.length > 0) return result;
    try {
      result.value = expandWord(word, this.env(), this.escape).value;
    } catch {
      // a malformed expansion is reported by the parser-level rules; the value is unknown
    }
    return result;
  }

  /**
   * The scopes the pairs of one ARG expand in (`ARG a=1 b=$a`): pair i sees the names of the
   * pairs before it, declared without a known value, over this scope. Views, not copies: a copy
   * of the scope per pair was O(names) each.
   */
  pairScopes(names: readonly string[]): Scope[] {
    const firstPair = new Map<string, number>();
    names.forEach((name, i) => firstPair.has(name) || firstPair.set(name, i));
    return names.map((_, i) => new Scope(new DeclaredBefore(this.vars, firstPair, i), this.escape));
  }

  /** what expansion reads: the known values (a view, not a copy: a copy per scope was O(n) each) */
  private envView?: Env;
  private env(): Env {
    return (this.envView ??= { get: (name) => this.vars.get(name)?.value });
  }
}

/** `vars` with the ARG pairs before pair `at` of one instruction declared over it, see pairScopes */
class DeclaredBefore extends VariableView {
  constructor(
    private readonly vars: ReadonlyMap<string, Variable>,
    private readonly firstPair: ReadonlyMap<string, number>,
    private readonly at: number,
  ) {
    super();
  }

  get(name: string): Variable | undefined {
    return (this.firstPair.get(name) ?? Infinity) < this.at ? { name, kind: 'arg' } : this.vars.get(name);
  }

  get size(): number {
    let count = this.vars.size;
    for (const name of this.declared()) if (!this.vars.has(name)) count++;
    return count;
  }

  private *declared(): Generator<string> {
    for (const [name, i] of this.firstPair) if (i < this.at) yield name;
  }

  *entries(): MapIterator<[string, Variable]> {
    for (const [name, variable] of this.vars) yield [name, this.get(name) ?? variable];
    for (const name of this.declared()) if (!this.vars.has(name)) yield [name, { name, kind: 'arg' }];
  }

}

/** positions of the references in `word` that start at `span.start` in the source (no continuations inside) */
export function refSpan(span: Span, ref: { start: number; end: number }): Span {
  return { start: span.start + ref.start, end: Math.min(span.end, span.start + ref.end) };
}
