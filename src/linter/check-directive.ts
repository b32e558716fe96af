/**
 * BuildKit's check configuration: the `# check=` parser directive, the
 * `BUILDKIT_DOCKERFILE_CHECK` build argument that replaces it, and a `check=` comment right
 * above an instruction that adds to it for that instruction only. Semantics as BuildKit's
 * frontend/dockerfile/linter (ParseLintOptions, WithMergedConfigFromComments) and the
 * comments its parser gathers for an instruction (parser.Parse).
 */
import type { Dockerfile, Instruction } from '../parser/ast.ts';
import { BUILDKIT_CHECK_INFO, buildkitCheckOf } from './buildkit-checks.ts';
import type { Finding } from './types.ts';

export interface CheckConfig {
  skipAll: boolean;
  /** check names, case-sensitive as BuildKit compares them */
  skip: ReadonlySet<string>;
  experimentalAll: boolean;
  experimental: ReadonlySet<string>;
  /** `error=true`: BuildKit fails the build when a check reports */
  error: boolean;
}

export const NO_CHECK_CONFIG: CheckConfig = { skipAll: false, skip: new Set(), experimentalAll: false, experimental: new Set(), error: false };

/** Go's strconv.ParseBool */
const GO_BOOL: Readonly<Record<string, boolean>> = { 1: true, t: true, T: true, TRUE: true, true: true, True: true, 0: false, f: false, F: false, FALSE: false, false: false, False: false };

/**
 * `skip=A,B|all;experimental=C|all;error=true`: the config, or the message BuildKit fails
 * with. As BuildKit: at most three `;` parts are split (a fourth stays in the third's value),
 * keys are case-sensitive, a later key replaces an earlier one.
 */
export function parseCheckOptions(text: string): CheckConfig | string {
  const trimmed = text.trim();
  if (trimmed === '') return NO_CHECK_CONFIG;
  const parts = splitN(trimmed, ';', 3);
  const config = { ...NO_CHECK_CONFIG };
  for (const part of parts) {
    const eq = part.indexOf('=');
    if (eq === -1) return `invalid check option "${part}"`;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 'skip' || key === 'experimental') {
      const all = value === 'all';
      const names = all ? new Set<string>() : new Set(value.split(',').map((name) => name.trim()));
      if (key === 'skip') Object.assign(config, { skipAll: all, skip: names });
      else Object.assign(config, { experimentalAll: all, experimental: names });
    } else if (key === 'error') {
      const bool = GO_BOOL[value];
      if (bool === undefined) return `failed to parse check option "${part}": strconv.ParseBool: parsing ${JSON.stringify(value)}: invalid syntax`;
      config.error = bool;
    } else {
      return `invalid check option "${key}"`;
    }
  }
  return config;
}

/** Go's strings.SplitN */
function splitN(text: string, sep: string, n: number): string[] {
  const parts = text.split(sep);
  return parts.length <= n ? parts : [...parts.slice(0, n - 1), parts.slice(n - 1).join(sep)];
}

/** a comment's own config adds skips and experimental checks; `error` stays the file's (BuildKit's WithMergedConfig) */
function merge(base: CheckConfig, own: CheckConfig): CheckConfig {
  return {
    skipAll: base.skipAll || own.skipAll,
    skip: own.skip.size === 0 ? base.skip : new Set([...base.skip, ...own.skip]),
    experimentalAll: base.experimentalAll || own.experimentalAll,
    experimental: own.experimental.size === 0 ? base.experimental : new Set([...base.experimental, ...own.experimental]),
    error: base.error,
  };
}

// BuildKit's directive pattern on a comment's text (Go RE2's \s is [\t\n\f\r ])
const COMMENT_DIRECTIVE = /^([a-zA-Z][a-zA-Z0-9]*)[\t\n\f\r ]*=[\t\n\f\r ]*(.+?)[\t\n\f\r ]*$/s;

/**
 * The config an instruction's comments add, undefined when none does. The first comment that
 * is a `check=` directive counts, its value up to the first space; when that value does not
 * parse, none does.
 */
function commentConfig(comments: readonly string[]): CheckConfig | undefined {
  for (const comment of comments) {
    const m = COMMENT_DIRECTIVE.exec(comment);
    if (!m || m[1]!.toLowerCase() !== 'check') continue;
    const own = parseCheckOptions(m[2]!.split(' ', 1)[0]!);
    return typeof own === 'string' ? undefined : own;
  }
  return undefined;
}

/**
 * Instructions whose comments carry a `check=` config. BuildKit gathers the comment lines
 * since the previous instruction (blank lines do not break the run, an empty `#` starts it
 * again; parser directives and comments inside continuations are not among them).
 */
function instructionConfigs(df: Dockerfile): Map<Instruction, CheckConfig> {
  const configs = new Map<Instruction, CheckConfig>();
  let comments: string[] = [];
  for (const node of df.nodes) {
    if (node.type === 'comment') {
      if (node.text === '') comments = [];
      else comments.push(node.text);
    } else if (node.type === 'instruction') {
      const own = comments.length > 0 ? commentConfig(comments) : undefined;
      if (own) configs.set(node, own);
      comments = [];
    }
  }
  return configs;
}

/**
 * Checks BuildKit runs with the file's config only, before it looks at any instruction's
 * comments (validations of the whole file, of stage names, of global ARGs, of the base image).
 */
const FILE_LEVEL = new Set(['NoEmptyContinuation', 'ConsistentInstructionCasing', 'DuplicateStageName', 'ReservedStageName', 'InvalidDefaultArgInFrom', 'InvalidBaseImagePlatform']);

export interface CheckSettings {
  /** the file's config: BUILDKIT_DOCKERFILE_CHECK when given, else the `# check=` directive */
  file: CheckConfig;
  /** the file-level value that does not parse (BuildKit fails the build), and where */
  invalid?: { message: string; start: number; end: number };
  /** experimental checks some config turns on (a rule with that alias runs) */
  experimental(name: string): boolean;
  /**
   * Applies the configs to findings: marks skipped checks suppressed, drops findings of
   * experimental checks the config at their instruction does not turn on (`directiveOn`:
   * rules that run only because a config turned them on), and makes findings of BuildKit
   * checks errors under `error=true` when `raise`.
   */
  apply(findings: Finding[], directiveOn: ReadonlySet<string>, raise: boolean): Finding[];
}

/** `override`: the value of BUILDKIT_DOCKERFILE_CHECK, which replaces the file's `# check=` */
export function readCheckSettings(df: Dockerfile, override?: string): CheckSettings {
  let file = NO_CHECK_CONFIG;
  let invalid: CheckSettings['invalid'];
  if (override !== undefined) {
    const parsed = parseCheckOptions(override);
    if (typeof parsed === 'string') throw new Error(`BUILDKIT_DOCKERFILE_CHECK: ${parsed}`);
    file = parsed;
  } else {
    const directive = df.directives.find((d) => d.name === 'check');
    if (directive) {
      const parsed = parseCheckOptions(directive.value);
      if (typeof parsed === 'string') invalid = { message: `failed to parse check options: ${parsed}`, start: directive.valueSpan.start, end: directive.valueSpan.end };
      else file = parsed;
    }
  }
  // most files have no check= comment: no map, no per-instruction work
  const perInstruction = df.source.includes('check') ? instructionConfigs(df) : new Map<Instruction, CheckConfig>();
  const starts = perInstruction.size > 0 ? df.instructions.map((ins) => ins.start) : [];

  /** the index of the instruction a finding belongs to: the one it is in, else the next (a comment above it) */
  const indexAt = (offset: number): number => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && offset < df.instructions[lo - 1]!.fullEnd ? lo - 1 : lo;
  };
  /** the index of the next instruction of the same keyword in the stage */
  const nextOfKind = (i: number): number | undefined => {
    const keyword = df.instructions[i]!.keyword;
    for (let next = i + 1; next < df.instructions.length; next++) {
      const k = df.instructions[next]!.keyword;
      if (k === 'FROM') return undefined;
      if (k === keyword) return next;
    }
    return undefined;
  };
  const configAt = (check: string, offset: number): CheckConfig => {
    if (perInstruction.size === 0 || FILE_LEVEL.has(check)) return file;
    let i = indexAt(offset);
    // reported on the instruction that is overridden, run with the config of the one that overrides it
    if (i < df.instructions.length && check === 'MultipleInstructionsDisallowed') i = nextOfKind(i) ?? i;
    const ins = df.instructions[i];
    const own = ins && perInstruction.get(ins);
    return own ? merge(file, own) : file;
  };
  const on = (config: CheckConfig, name: string) => config.experimentalAll || config.experimental.has(name);
  const configs = [file, ...perInstruction.values()];
  const anyExperimental = configs.some((c) => c.experimentalAll || c.experimental.size > 0);
  const active = anyExperimental || file.skipAll || file.skip.size > 0 || file.error || perInstruction.size > 0;

  return {
    file,
    ...(invalid && { invalid }),
    experimental: (name) => anyExperimental && configs.some((c) => on(c, name)),
    apply(findings, directiveOn, raise) {
      if (!active) return findings;
      const kept: Finding[] = [];
      for (const f of findings) {
        const check = buildkitCheckOf(f);
        if (check === undefined) {
          kept.push(f);
          continue;
        }
        const config = configAt(check, f.range.start.offset);
        if (BUILDKIT_CHECK_INFO[check]!.experimental === true) {
          // BuildKit: an experimental check runs when asked for, whatever `skip` says
          if (directiveOn.has(f.ruleId) && !on(config, check)) continue;
        } else if (config.skipAll || config.skip.has(check)) {
          f.suppressed ??= { kind: 'directive', justification: config.skipAll ? 'check=skip=all' : `check=skip=${check}` };
        }
        if (raise && file.error && !f.suppressed) f.severity = 'error';
        kept.push(f);
      }
      return kept;
    },
  };
}
