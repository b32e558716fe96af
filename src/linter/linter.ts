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
import { BUILDKIT_EXPERIMENTAL } from './buildkit-checks.ts';
import { readCheckSettings } from './check-directive.ts';
import { presetRules } from './presets.ts';
import { PRESET_NAMES, type FileResult, type Finding, type PresetName, type RuleMeta, type Severity } from './types.ts';

export type RuleSetting = Severity | 'off';

export interface LintOptions {
  filePath?: string;
  /** the preset (default `recommended`): the rules on and their severity where `rules` does not say, and the semantics the rules follow */
  preset?: PresetName;
  /** effective setting per rule id (from the config); rules not listed follow the preset */
  rules?: Readonly<Record<string, RuleSetting>>;
  ruleOptions?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** settings of findings by a code they carry as an alias (ShellCheck's SC codes: `--ignore SC2086`, `--error SC2046`) */
  codes?: Readonly<Record<string, RuleSetting>>;
  trustedRegistries?: readonly string[];
  labelSchema?: Readonly<Record<string, string>>;
  strictLabels?: boolean;
  disableInlineIgnores?: boolean;
  context?: BuildContext;
  /** `--build-arg NAME=VALUE`: BUILDKIT_DOCKERFILE_CHECK replaces the file's `# check=` (a value that does not parse throws; callers check it with parseCheckOptions) */
  buildArgs?: Readonly<Record<string, string>>;
  /** answers about base images, resolved before the lint (--resolve-images); without it every image is unknown */
  images?: ImageLookup;
  /** every rule at its own severity, whatever the preset turns on (rule tests compare raw rule output); the semantics stay the preset's */
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
  /** each preset's setting of every rule, in the order of `metas`: made once, on the preset's first use */
  private readonly presetDefaults = new Map<PresetName, readonly RuleSetting[]>();
  /** what each rule visits, learnt from its first create() that visits anything: create() returns these keys or none (a test holds rules to it) */
  private readonly plans = new Map<Rule, VisitPlan>();

  lint(source: string, options: LintOptions = {}): FileResult & { df: Dockerfile } {
    const configured = options.rules;
    const preset = options.preset ?? 'recommended';
    // `all` is every rule at its own severity
    const defaults = this.defaultsOf(options.enableAll === true ? 'all' : preset);
    const syntaxSeverity = configured?.[SYNTAX_ERROR_META.id] ?? defaults[0]!;
    // an executable or an image read as text parses into hundreds of bogus lines: one finding says what it is
    if (looksBinary(source)) return binaryResult(source, options.filePath, syntaxSeverity);
    const df = parseDockerfile(source);
    const findings: Finding[] = [];

    const checks = readCheckSettings(df, options.buildArgs?.['BUILDKIT_DOCKERFILE_CHECK']);
    if (syntaxSeverity !== 'off') {
      for (const e of df.errors) findings.push(makeFinding(df, SYNTAX_ERROR_META, syntaxSeverity, e, e.message));
      // BuildKit fails the build on a `# check=` it cannot parse
      if (checks.invalid) findings.push(makeFinding(df, SYNTAX_ERROR_META, syntaxSeverity, checks.invalid, checks.invalid.message));
    }

    const model = buildModel(df, options.context, options.images, options.buildArgs);
    let present = 0;
    for (const info of model.instructions) present |= keywordBit(info.ins.keyword);
    const shared: RuleSettings = {
      preset,
      trustedRegistries: options.trustedRegistries ?? [],
      labelSchema: options.labelSchema ?? {},
      strictLabels: options.strictLabels ?? false,
      options: NO_OPTIONS,
    };
    const active: ActiveRule[] = [];
    /** rules on only because `# check=experimental=` asks for their BuildKit check */
    const directiveOn = new Set<string>();
    const settings = this.settingsOf(configured);
    for (let i = 0; i < this.rules.length; i++) {
      const rule = this.rules[i]!;
      // metas[0] is syntax-error
      const set = settings?.[i];
      let severity = set ?? defaults[i + 1]!;
      if (severity === 'off' && set === undefined && rule.meta.aliases.some((a) => BUILDKIT_EXPERIMENTAL.has(a) && checks.experimental(a))) {
        severity = 'warning';
        directiveOn.add(rule.meta.id);
      }
      if (severity === 'off') continue;
      // a rule whose visitors this file would never call is not created at all
      const plan = this.plans.get(rule);
      if (plan !== undefined && !plan.always && (plan.keywords & present) === 0) continue;
      const own = options.ruleOptions?.[rule.meta.id];
      const ctx = new RuleRun(model, source, own ? { ...shared, options: own } : shared, rule.meta, severity, set !== undefined, findings);
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

    let kept = options.codes === undefined ? findings : applyCodeSettings(findings, options.codes);
    readSuppressions(df, !options.disableInlineIgnores, this.knownNames).apply(kept);
    // `error=true` fails BuildKit's build on any check: in the buildkit preset its findings are errors
    kept = checks.apply(kept, directiveOn, preset === 'buildkit');
    kept.sort(byPosition);
    const result: FileResult & { df: Dockerfile } = { filePath: options.filePath ?? '-', source, findings: kept, df };
    return result;
  }

  /**
   * The configured setting of each rule, in the order of `rules`: read from the config's map once
   * per map, since the CLI passes one frozen map to every file it configures alike (a keyed read
   * per rule and file was ~5% of a one-process run over the corpus). A map that is not frozen
   * may change between calls and is read each time.
   */
  private readonly settingsByMap = new WeakMap<object, readonly (RuleSetting | undefined)[]>();
  private settingsOf(configured: LintOptions['rules']): readonly (RuleSetting | undefined)[] | undefined {
    if (configured === undefined) return undefined;
    const frozen = Object.isFrozen(configured);
    const known = frozen ? this.settingsByMap.get(configured) : undefined;
    if (known) return known;
    const settings = this.rules.map((rule) => configured[rule.meta.id]);
    if (frozen) this.settingsByMap.set(configured, settings);
    return settings;
  }

  private defaultsOf(preset: PresetName): readonly RuleSetting[] {
    let defaults = this.presetDefaults.get(preset);
    if (defaults === undefined) {
      if (!PRESET_NAMES.includes(preset)) throw new Error(`unknown preset '${String(preset)}': use one of ${PRESET_NAMES.join(', ')}`);
      const on = presetRules(preset, this.metas);
      defaults = this.metas.map((m) => on.get(m.id) ?? 'off');
      this.presetDefaults.set(preset, defaults);
    }
    return defaults;
  }
}

/** Findings carrying a configured code get its severity, or are dropped when it is off. */
function applyCodeSettings(findings: Finding[], codes: Readonly<Record<string, RuleSetting>>): Finding[] {
  const kept: Finding[] = [];
  for (const finding of findings) {
    const code = finding.aliases.find((alias) => Object.hasOwn(codes, alias));
    const setting = code === undefined ? undefined : codes[code]!;
    if (setting === 'off') continue;
    if (setting !== undefined) finding.severity = setting;
    kept.push(finding);
  }
  return kept;
}

/** what git and grep look at to tell a binary file */
const BINARY_SAMPLE = 8192;
// controls other than tab, line breaks and form feed, and bytes that were not UTF-8: U+FFFD, or
// U+DC80..U+DCFF where the fixer's lossless decoding (src/fix/encoding.ts) keeps each such byte
const NOT_TEXT = /[\u0000-\u0008\u000e-\u001f\u007f\ufffd\udc80-\udcff]/g;

/** A NUL, as git and grep decide, or over 30% of the first 8 KB that no text file holds (a Dockerfile in Latin-1 has a few). */
export function looksBinary(source: string): boolean {
  const sample = source.length > BINARY_SAMPLE ? source.slice(0, BINARY_SAMPLE) : source;
  if (sample.includes('\u0000')) return true;
  return (sample.match(NOT_TEXT)?.length ?? 0) > sample.length * 0.3;
}

function binaryResult(source: string, filePath: string | undefined, severity: RuleSetting): FileResult & { df: Dockerfile } {
  const df = parseDockerfile('');
  const findings = severity === 'off' ? [] : [makeFinding(df, SYNTAX_ERROR_META, severity, { start: 0, end: 0 }, 'not a Dockerfile (binary)')];
  return { filePath: filePath ?? '-', source, findings, df };
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
