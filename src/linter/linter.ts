/**
 * The rule engine: parse, build the model, walk the instructions once calling
 * every enabled rule's visitors, then apply severities and suppressions.
 * The registry and its indexes are built once per process.
 */
import { buildModel, type BuildContext, type DockerfileModel, type InstructionInfo } from '../model/index.ts';
import { parseDockerfile } from '../parser/index.ts';
import type { Dockerfile, Span } from '../parser/ast.ts';
import type { Report, Rule, RuleContext, RuleSettings, RuleVisitors } from './rule.ts';
import { readSuppressions } from './suppressions.ts';
import type { FileResult, Finding, RuleMeta, Severity } from './types.ts';

export type RuleSetting = Severity | 'off';

export interface LintOptions {
  filePath?: string;
  /** effective setting per rule id (from the config); rules not listed use their default */
  rules?: Readonly<Record<string, RuleSetting>>;
  ruleOptions?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  trustedRegistries?: readonly string[];
  labelSchema?: Readonly<Record<string, string>>;
  strictLabels?: boolean;
  disableInlineIgnores?: boolean;
  context?: BuildContext;
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
  private readonly visitorKeys = new Map<Rule, readonly string[]>();

  lint(source: string, options: LintOptions = {}): FileResult & { df: Dockerfile } {
    const df = parseDockerfile(source);
    const findings: Finding[] = [];
    const severityOf = (meta: RuleMeta): RuleSetting =>
      options.rules?.[meta.id] ?? (meta.defaultOff && !options.enableAll ? 'off' : meta.severity);

    const syntaxSeverity = severityOf(SYNTAX_ERROR_META);
    if (syntaxSeverity !== 'off') {
      for (const e of df.errors) findings.push(makeFinding(df, SYNTAX_ERROR_META, syntaxSeverity, e, e.message));
    }

    const model = buildModel(df, options.context);
    const present = new Set<string>();
    for (const info of model.instructions) present.add(info.ins.keyword);
    const shared: RuleSettings = {
      trustedRegistries: options.trustedRegistries ?? [],
      labelSchema: options.labelSchema ?? {},
      strictLabels: options.strictLabels ?? false,
      options: NO_OPTIONS,
    };
    const active: { rule: Rule; visitors: RuleVisitors }[] = [];
    for (const rule of this.rules) {
      const severity = severityOf(rule.meta);
      if (severity === 'off') continue;
      // a rule whose visitors this file would never call is not created at all
      const keys = this.visitorKeys.get(rule);
      if (keys && !keys.some((key) => key === 'instruction' || key === 'end' || present.has(key === 'run' ? 'RUN' : key))) continue;
      const own = options.ruleOptions?.[rule.meta.id];
      const ctx = new RuleRun(model, source, own ? { ...shared, options: own } : shared, rule.meta, severity, options.rules?.[rule.meta.id] !== undefined, findings);
      const visitors = rule.create(ctx);
      if (!keys) {
        const learnt = Object.keys(visitors).filter((k) => typeof visitors[k as keyof RuleVisitors] === 'function');
        // `{}` means off under these settings (no label schema, no trusted registries): learn from a real set
        if (learnt.length > 0) this.visitorKeys.set(rule, learnt);
      }
      active.push({ rule, visitors });
    }

    if (options.profile) {
      profileRules(active, model, options.profile);
    } else {
      const table = dispatchTable(active);
      for (const info of model.instructions) dispatch(table, info, model);
      for (const end of table.end) end();
    }

    readSuppressions(df, !options.disableInlineIgnores, this.knownNames).apply(findings);
    findings.sort((a, b) => a.range.start.offset - b.range.start.offset || a.ruleId.localeCompare(b.ruleId));
    const result: FileResult & { df: Dockerfile } = { filePath: options.filePath ?? '-', source, findings, df };
    return result;
  }
}

interface DispatchTable {
  every: ((ins: InstructionInfo['ins'], info: InstructionInfo) => void)[];
  byKeyword: Map<string, ((ins: InstructionInfo['ins'], info: InstructionInfo) => void)[]>;
  run: ((run: NonNullable<ReturnType<ReturnType<typeof buildModel>['run']>>, info: InstructionInfo) => void)[];
  end: (() => void)[];
}

/** visitors grouped by what they visit, so each instruction calls only the rules that asked for it */
function dispatchTable(active: { visitors: RuleVisitors }[]): DispatchTable {
  const table: DispatchTable = { every: [], byKeyword: new Map(), run: [], end: [] };
  for (const { visitors } of active) {
    for (const key in visitors) {
      const fn = visitors[key as keyof RuleVisitors];
      if (typeof fn !== 'function') continue;
      if (key === 'instruction') table.every.push(fn as DispatchTable['every'][number]);
      else if (key === 'run') table.run.push(fn as DispatchTable['run'][number]);
      else if (key === 'end') table.end.push(fn as () => void);
      else {
        const list = table.byKeyword.get(key) ?? [];
        list.push(fn as DispatchTable['every'][number]);
        table.byKeyword.set(key, list);
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
function profileRules(active: { rule: Rule; visitors: RuleVisitors }[], model: ReturnType<typeof buildModel>, profile: Map<string, number>): void {
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
