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

/**
 * The variables declared along one stage (or before the first FROM), in order. Each ARG or ENV
 * appends; `snapshot()` is the scope at that point. Declaring costs O(1) and a lookup O(log n),
 * where copying a map at each ARG and ENV made n instructions cost O(n^2).
 */
export class VariableLog {
  /** per name, its declarations in order, each with the log's length when it was made */
  private readonly history = new Map<string, { at: number; variable: Variable }[]>();
  private length = 0;

  set(variable: Variable): void {
    const entry = { at: ++this.length, variable };
    const declared = this.history.get(variable.name);
    if (declared) declared.push(entry);
    else this.history.set(variable.name, [entry]);
  }

  snapshot(): ReadonlyMap<string, Variable> {
    return new VariableSnapshot(this.history, this.length);
  }
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

class VariableSnapshot extends VariableView {
  constructor(
    private readonly history: ReadonlyMap<string, readonly { at: number; variable: Variable }[]>,
    private readonly at: number,
  ) {
    super();
  }

  get(name: string): Variable | undefined {
    const declared = this.history.get(name);
    if (!declared || declared[0]!.at > this.at) return undefined;
    // the last declaration made before the snapshot
    let low = 0;
    let high = declared.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (declared[mid]!.at <= this.at) low = mid;
      else high = mid - 1;
    }
    return declared[low]!.variable;
  }

  get size(): number {
    let count = 0;
    for (const name of this.history.keys()) if (this.get(name)) count++;
    return count;
  }

  *entries(): MapIterator<[string, Variable]> {
    for (const name of this.history.keys()) {
      const variable = this.get(name);
      if (variable) yield [name, variable];
    }
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
