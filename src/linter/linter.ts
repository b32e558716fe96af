/**
 * The rule engine: parse, build the model, walk the instructions once calling
 * every enabled rule's visitors, then apply severities and suppressions.
 * The registry and its indexes are built once per process.
 */
import { buildModel, type BuildContext, type DockerfileModel, type ImageLookup, type InstructionInfo } from '../model/index.ts';
import { parseDockerfile } from '../parser/index.ts';
import type { Dockerfile, Span } from '../parser/ast.ts';
import type { Report, Rule, RuleContext, RuleSettings, RuleVisitors } from './rule.ts';
import { readSuppressions } from './suppressions.ts';
import type { FileResult, Finding, PresetName, RuleMeta, Severity } from './types.ts';

export type RuleSetting = Severity | 'off';

export interface LintOptions {
  filePath?: string;
  /** the preset whose semantics the rules follow (default `recommended`) */
  preset?: PresetName;
  /** effective setting per rule id (from the config); rules not listed use their default */
  rules?: Readonly<Record<string, RuleSetting>>;
  ruleOptions?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  trustedRegistries?: readonly string[];
  labelSchema?: Readonly<Record<string, string>>;
  strictLabels?: boolean;
  disableInlineIgnores?: boolean;
  context?: BuildContext;
  /** answers about base images, resolved before the lint (--resolve-images); without it every image is unknown */
  images?: ImageLookup;
  /** run rules that are off by default too (conformance runs compare raw rule output) */
  enableAll?: boolean;
  /** benchmarks: milliseconds spent in each rule's visitors are added here */
  profile?: Map<string, number>;
}

/** parse errors are findings of this rule */
export const SYNTAX_ERROR_META: RuleMeta = {
  id: 'syntax-error',
  aliases: ['DL1000'],
  severity: 'error',
  category: 'syntax',
  docs: {
    summary: 'The Dockerfile cannot be parsed or an instruction is invalid',
    description: 'Reports what BuildKit would reject: malformed lines, unknown instructions and flags, unterminated heredocs, missing arguments.',
    why: '`docker build` fails on these before running any step.',
    bad: 'FROM debian\nFOM debian\n',
    good: 'FROM debian\n',
    fixSafety: 'No fix: the intent of a malformed line cannot be guessed.',
  },
};

const NO_OPTIONS: Readonly<Record<string, unknown>> = Object.freeze({});

export class Linter {
  private readonly rules: readonly Rule[];
  readonly metas: readonly RuleMeta[];

  constructor(rules: readonly Rule[]) {
    this.rules = rules;
    this.metas = [SYNTAX_ERROR_META, ...rules.map((r) => r.meta)];
    this.knownNames = new Set(this.metas.flatMap((m) => [m.id, ...m.aliases].map((n) => n.toLowerCase())));
  }

  private readonly knownNames: ReadonlySet<string>;
  /** what each rule visits, learnt from its first create() that visits anything: create() returns these keys or none (a test holds rules to it) */
  private readonly plans = new Map<Rule, VisitPlan>();

  lint(source: string, options: LintOptions = {}): FileResult & { df: Dockerfile } {
    const df = parseDockerfile(source);
    const findings: Finding[] = [];
    const configured = options.rules;
    const enableAll = options.enableAll === true;

    const syntaxSeverity = severityOf(SYNTAX_ERROR_META, configured, enableAll);
    if (syntaxSeverity !== 'off') {
      for (const e of df.errors) findings.push(makeFinding(df, SYNTAX_ERROR_META, syntaxSeverity, e, e.message));
    }

    const model = buildModel(df, options.context, options.images);
    let present = 0;
    for (const info of model.instructions) present |= keywordBit(info.ins.keyword);
    const shared: RuleSettings = {
      preset: options.preset ?? 'recommended',
      trustedRegistries: options.trustedRegistries ?? [],
      labelSchema: options.labelSchema ?? {},
      strictLabels: options.strictLabels ?? false,
      options: NO_OPTIONS,
    };
    const active: ActiveRule[] = [];
    for (const rule of this.rules) {
      const severity = severityOf(rule.meta, configured, enableAll);
      if (severity === 'off') continue;
      // a rule whose visitors this file would never call is not created at all
      const plan = this.plans.get(rule);
      if (plan !== undefined && !plan.always && (plan.keywords & present) === 0) continue;
      const own = options.ruleOptions?.[rule.meta.id];
      const ctx = new RuleRun(model, source, own ? { ...shared, options: own } : shared, rule.meta, severity, configured?.[rule.meta.id] !== undefined, findings);
      const visitors = rule.create(ctx);
      // `{}` means off under these settings (no label schema, no trusted registries): learn from a real set
      if (plan === undefined) {
        const learnt = planOf(visitors);
        if (learnt.keys.length > 0) this.plans.set(rule, learnt);
        active.push({ rule, visitors, keys: learnt.keys });
      } else {
        active.push({ rule, visitors, keys: plan.keys });
      }
    }

    if (options.profile) {
      profileRules(active, model, options.profile);
    } else {
      const table = dispatchTable(active);
      for (const info of model.instructions) dispatch(table, info, model);
      for (const end of table.end) end();
    }

    readSuppressions(df, !options.disableInlineIgnores, this.knownNames).apply(findings);
    findings.sort(byPosition);
    const result: FileResult & { df: Dockerfile } = { filePath: options.filePath ?? '-', source, findings, df };
    return result;
  }
}

function severityOf(meta: RuleMeta, configured: LintOptions['rules'], enableAll: boolean): RuleSetting {
  return configured?.[meta.id] ?? (meta.defaultOff && !enableAll ? 'off' : meta.severity);
}

/** findings in source order; at one position, by rule id (code-unit order: ids are lower-case ASCII) */
function byPosition(a: Finding, b: Finding): number {
  return a.range.start.offset - b.range.start.offset || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

/** Instruction keywords as bits, so "does this file have anything the rule visits" is one AND. */
const KEYWORD_BITS = new Map<string, number>(
  ['FROM', 'RUN', 'CMD', 'LABEL', 'MAINTAINER', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT', 'VOLUME', 'USER', 'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL']
    .map((keyword, i) => [keyword, 1 << i]),
);
/** unknown keywords (a syntax error already) share the last bit */
const OTHER_KEYWORD = 1 << 30;

function keywordBit(keyword: string): number {
  return KEYWORD_BITS.get(keyword) ?? OTHER_KEYWORD;
}

/** A rule's visitor keys, and the instructions that call it (every one when it visits `instruction` or `end`). */
interface VisitPlan {
  keys: readonly string[];
  always: boolean;
  keywords: number;
}

function planOf(visitors: RuleVisitors): VisitPlan {
  const keys: string[] = [];
  let always = false;
  let keywords = 0;
  for (const key in visitors) {
    if (typeof visitors[key as keyof RuleVisitors] !== 'function') continue;
    keys.push(key);
    if (key === 'instruction' || key === 'end') always = true;
    else keywords |= keywordBit(key === 'run' ? 'RUN' : key);
  }
  return { keys, always, keywords };
}

interface ActiveRule {
  rule: Rule;
  visitors: RuleVisitors;
  /** the visitor keys of this rule (a key may be missing from `visitors` when settings turn the rule off) */
  keys: readonly string[];
}

type InstructionVisitor = (ins: InstructionInfo['ins'], info: InstructionInfo) => void;

interface DispatchTable {
  every: InstructionVisitor[];
  byKeyword: Map<string, InstructionVisitor[]>;
  run: ((run: NonNullable<ReturnType<ReturnType<typeof buildModel>['run']>>, info: InstructionInfo) => void)[];
  end: (() => void)[];
}

/** visitors grouped by what they visit, so each instruction calls only the rules that asked for it */
function dispatchTable(active: readonly ActiveRule[]): DispatchTable {
  const table: DispatchTable = { every: [], byKeyword: new Map(), run: [], end: [] };
  for (const { visitors, keys } of active) {
    for (const key of keys) {
      const fn = visitors[key as keyof RuleVisitors];
      if (typeof fn !== 'function') continue;
      if (key === 'instruction') table.every.push(fn as InstructionVisitor);
      else if (key === 'run') table.run.push(fn as DispatchTable['run'][number]);
      else if (key === 'end') table.end.push(fn as () => void);
      else {
        const list = table.byKeyword.get(key);
        if (list === undefined) table.byKeyword.set(key, [fn as InstructionVisitor]);
        else list.push(fn as InstructionVisitor);
      }
    }
  }
  return table;
}

function dispatch(table: DispatchTable, info: InstructionInfo, model: ReturnType<typeof buildModel>): void {
  const ins = info.ins;
  for (const fn of table.every) fn(ins, info);
  const byKeyword = table.byKeyword.get(ins.keyword);
  if (byKeyword) for (const fn of byKeyword) fn(ins, info);
  if (table.run.length > 0 && ins.keyword === 'RUN') {
    const run = model.run(ins);
    if (run?.posix) for (const fn of table.run) fn(run, info);
  }
}

/** the key under which profiling records the shared RUN analysis (shell parsing), not a rule */
export const RUN_ANALYSIS_PROFILE_KEY = '(RUN analysis, shared by the rules)';

/** the same walk, rule by rule, timing each; RUN scripts are analysed first and timed on their own */
function profileRules(active: readonly ActiveRule[], model: ReturnType<typeof buildModel>, profile: Map<string, number>): void {
  const start = performance.now();
  for (const info of model.instructions) model.run(info.ins);
  profile.set(RUN_ANALYSIS_PROFILE_KEY, (profile.get(RUN_ANALYSIS_PROFILE_KEY) ?? 0) + performance.now() - start);
  for (const entry of active) {
    const start = performance.now();
    const table = dispatchTable([entry]);
    for (const info of model.instructions) dispatch(table, info, model);
    for (const end of table.end) end();
    profile.set(entry.rule.meta.id, (profile.get(entry.rule.meta.id) ?? 0) + performance.now() - start);
  }
}

/** one rule's context for one file; `report` is a method, not a closure per rule and file */
class RuleRun implements RuleContext {
  readonly df: Dockerfile;
  constructor(
    readonly model: DockerfileModel,
    readonly source: string,
    readonly settings: RuleSettings,
    private readonly meta: RuleMeta,
    private readonly severity: Severity,
    /** the configuration sets this rule's severity: a finding's own severity does not apply */
    private readonly configured: boolean,
    private readonly findings: Finding[],
  ) {
    this.df = model.df;
  }

  report({ span, message, fix, suggestions, aliases, severity: own }: Report): void {
    const f = makeFinding(this.df, this.meta, own && !this.configured ? own : this.severity, span, message);
    if (aliases?.length) f.aliases = [...this.meta.aliases, ...aliases];
    if (fix) f.fix = fix;
    if (suggestions?.length) f.suggestions = suggestions;
    this.findings.push(f);
  }
}

function makeFinding(df: Dockerfile, meta: RuleMeta, severity: Severity, span: Span, message: string): Finding {
  return { ruleId: meta.id, aliases: meta.aliases, severity, message, range: df.lines.range(span.start, span.end) };
}
