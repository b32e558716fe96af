/**
 * ARG and ENV scoping as BuildKit applies it. Global ARGs (before the first FROM) are
 * visible in FROM lines only, unless a stage re-declares them; stage ARGs and ENVs
 * are visible from their line on; `FROM <stage>` inherits that stage's ENV.
 */
import { expandWord, findVariableReferences, type Env } from '../parser/expansion/index.ts';
import type { EscapeChar, Instruction, Span } from '../parser/ast.ts';

export interface Variable {
  name: string;
  /** undefined when the value is not known at lint time (an ARG without default) */
  value?: string;
  kind: 'arg' | 'env' | 'predefined';
  declaredAt?: Instruction;
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

  private envCache?: Env;
  private env(): Env {
    if (!this.envCache) {
      const env = new Map<string, string>();
      for (const [k, v] of this.vars) if (v.value !== undefined) env.set(k, v.value);
      this.envCache = env;
    }
    return this.envCache;
  }
}

/** positions of the references in `word` that start at `span.start` in the source (no continuations inside) */
export function refSpan(span: Span, ref: { start: number; end: number }): Span {
  return { start: span.start + ref.start, end: Math.min(span.end, span.start + ref.end) };
}
