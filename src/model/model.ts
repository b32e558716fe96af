/**
 * The semantic model the rules read: stages and their relations, ARG/ENV scope at
 * every instruction, resolved base images, and RUN scripts parsed once (lazily).
 */
import type {
  CommandInstruction, Dockerfile, FromInstruction, Instruction, KeyValueInstruction,
} from '../parser/ast.ts';
import { fromRequest, type ImageConfig, type ImageLookup } from './base-image.ts';
import type { BuildContext } from './context.ts';
import { isWindowsImage, parseImageRef, type ImageRef } from './image.ts';
import { analyseRun, isPosixShell, type RunInfo } from './run.ts';
import { PLATFORM_ARGS, PROXY_ARGS, Scope, Variables, type Variable } from './scope.ts';

export interface Stage {
  index: number;
  /** `AS name` as written, and lower-cased (BuildKit matches stage names case-insensitively) */
  name?: string;
  from: FromInstruction;
  image: ImageRef;
  /** the stage this one builds on (`FROM build`), if any */
  baseStage?: Stage;
  /** instructions after FROM, up to the next FROM (ONBUILD triggers are not listed separately) */
  instructions: Instruction[];
  /** stages it reads from with `COPY --from`, `RUN --mount=from=` */
  copiesFrom: Set<Stage>;
  /** stages that build on it or copy from it */
  usedBy: Set<Stage>;
  isFinal: boolean;
  /** the SHELL in effect at the end of the stage */
  shell: readonly string[];
  /**
   * a Windows image (its base is, or the stage starts under cmd or PowerShell): each RUN is a
   * new process, and what an installer adds to PATH or the registry reaches the next RUN only
   */
  windows: boolean;
}

export interface InstructionInfo {
  ins: Instruction;
  /** undefined before the first FROM */
  stage?: Stage;
  /** an ONBUILD trigger: it runs in images built FROM this one, not here */
  onbuild: boolean;
  /** variables visible to this instruction */
  scope: Scope;
  /** SHELL in effect */
  shell: readonly string[];
}

export interface DockerfileModel {
  df: Dockerfile;
  stages: Stage[];
  finalStage?: Stage;
  /** ARGs before the first FROM */
  globalArgs: ReadonlyMap<string, Variable>;
  /** every instruction in file order; an ONBUILD's trigger follows it */
  instructions: InstructionInfo[];
  /** the build context, when its directory is known */
  context?: BuildContext;
  /** what images provide, when they were resolved before the lint (src/model/base-image.ts asks it) */
  images?: ImageLookup;
  info(ins: Instruction): InstructionInfo;
  /** the parsed RUN (shell or exec form, heredoc scripts); undefined for other instructions */
  run(ins: Instruction): RunInfo | undefined;
  /** the stage a name or index in `--from` / `FROM` refers to */
  stageByRef(ref: string): Stage | undefined;
}

const DEFAULT_SHELL = ['/bin/sh', '-c'] as const;

/** where every file starts (the platform ARGs), and every stage built on an image (the proxy ARGs): scopes never change, so all share these */
const predefined = (names: readonly string[]) => names.reduce((scope, name) => scope.with({ name, kind: 'predefined' }), Variables.EMPTY);
const PLATFORM_SCOPE = predefined(PLATFORM_ARGS);
const PROXY_SCOPE = predefined(PROXY_ARGS);

/** whether a SHELL instruction (or a `# hadolint shell=` pragma) chose the shell in effect: the default is this very array */
export function shellWasSet(shell: readonly string[]): boolean {
  return shell !== DEFAULT_SHELL;
}
const SHELL_PRAGMA = /^(?:hadolint|tslint-docker)\s+shell\s*=\s*(\S+)$/i;
/** the shells a `# hadolint shell=` comment declared: BuildKit reads no such comment */
const PRAGMA_SHELLS = new WeakSet<readonly string[]>();

/** whether the shell in effect is the one a `# hadolint shell=` comment declared, not a SHELL instruction or the image */
export function shellFromComment(shell: readonly string[]): boolean {
  return PRAGMA_SHELLS.has(shell);
}

/**
 * `buildArgs`: the build arguments the build passes (`--build-arg`); a declared ARG takes its
 * value from them, as BuildKit's does, and keeps its default beside it.
 */
export function buildModel(df: Dockerfile, context?: BuildContext, images?: ImageLookup, buildArgs?: Readonly<Record<string, string>>): DockerfileModel {
  const stages: Stage[] = [];
  // the first stage of each name: what FROM <name> builds on
  const stageByName = new Map<string, Stage>();
  const infos: InstructionInfo[] = [];
  const byIns = new Map<Instruction, InstructionInfo>();
  const globalVars = new Map<string, Variable>();
  for (const v of PLATFORM_SCOPE.values()) globalVars.set(v.name, v);
  const globalArgs = new Map<string, Variable>();
  // per stage, the variables at its end: what a stage built FROM it starts with
  const stageEnd = new Map<Stage, Variables>();

  let stage: Stage | undefined;
  // the variables in scope as they stand
  let vars = PLATFORM_SCOPE;
  // `# hadolint shell=powershell` declares the shell of the base images from that line on
  const shellPragmas: { start: number; shell: readonly string[] }[] = [];
  for (const n of df.nodes) {
    const m = n.type === 'comment' ? SHELL_PRAGMA.exec(n.text) : null;
    if (!m) continue;
    const declared = [m[1]!];
    PRAGMA_SHELLS.add(declared);
    shellPragmas.push({ start: n.start, shell: declared });
  }
  let baseShell: readonly string[] = DEFAULT_SHELL;
  let shell: readonly string[] = DEFAULT_SHELL;

  // instructions between two ARG/ENV share one scope (and its expansion environment)
  let scope = new Scope(vars, df.escape);
  const scopeOf = (): Scope => (scope.vars === vars ? scope : (scope = new Scope(vars, df.escape)));
  const add = (ins: Instruction, onbuild: boolean) => {
    // one field order for every info (the FROM ones below too): one object shape
    const info: InstructionInfo = { ins, stage, onbuild, scope: scopeOf(), shell };
    infos.push(info);
    byIns.set(ins, info);
  };

  for (const ins of df.instructions) {
    while (shellPragmas.length > 0 && shellPragmas[0]!.start < ins.start) {
      baseShell = shellPragmas.shift()!.shell;
      shell = baseShell;
      if (stage) stage.shell = shell;
    }
    if (ins.keyword === 'FROM') {
      const from = ins as FromInstruction;
      // FROM sees the global ARGs (and the platform ARGs) only
      const fromScope = new Scope(globalVars, df.escape);
      const raw = from.image?.value ?? '';
      const expanded = fromScope.expand(raw);
      const image = parseImageRef(expanded.value ?? raw, expanded.value !== undefined);
      // every field present from the start: one object shape for every stage
      const next: Stage = {
        index: stages.length, name: from.stageName?.value.toLowerCase(), from, image, baseStage: undefined,
        instructions: [], copiesFrom: new Set(), usedBy: new Set(), isFinal: false, shell: baseShell, windows: false,
      };
      const base = stageByName.get(image.text.toLowerCase());
      if (base && image.resolved) {
        next.baseStage = base;
        base.usedBy.add(next);
        next.shell = base.shell;
      }
      next.windows = next.baseStage ? next.baseStage.windows : isWindowsImage(image) || !isPosixShell(next.shell);
      if (stage) stageEnd.set(stage, vars);
      stages.push(next);
      if (next.name !== undefined && !stageByName.has(next.name)) stageByName.set(next.name, next);
      stage = next;
      // a stage starts with the predefined proxy ARGs and, from a parent stage, its ARGs and ENVs
      // (BuildKit's child stage inherits both, inherited ones too: the parent's last scope, as it
      // is); from an image, the image's ENV and SHELL when images are resolved (what BuildKit starts from)
      const inherited = next.baseStage && stageEnd.get(next.baseStage);
      vars = inherited ?? PROXY_SCOPE;
      const config = images && ownImageConfig(images, next, fromScope);
      if (config) {
        for (const [name, value] of Object.entries(config.env)) vars = vars.with({ name, value, kind: 'env' });
        // a `# hadolint shell=` pragma is the user's word and wins
        if (config.shell && config.shell.length > 0 && baseShell === DEFAULT_SHELL) next.shell = config.shell;
      }
      shell = next.shell;
      infos.push({ ins, stage: next, onbuild: false, scope: fromScope, shell });
      byIns.set(ins, infos[infos.length - 1]!);
      continue;
    }
    add(ins, false);
    if (stage) stage.instructions.push(ins);
    if ('trigger' in ins && ins.trigger) add(ins.trigger, true);
    switch (ins.keyword) {
      // BuildKit expands a whole ARG or ENV instruction before applying it: `ENV a=bye b=$a`
      // gives b the value a had before this line (the Dockerfile reference's example). So the
      // expansions use the scope from before the instruction.
      case 'ARG':
        if (stage) vars = stageArgs(ins as KeyValueInstruction, scopeOf(), vars, globalVars, buildArgs);
        else vars = declareGlobalArgs(ins as KeyValueInstruction, scopeOf(), vars, globalVars, globalArgs, buildArgs);
        break;
      case 'ENV':
        vars = applyEnv(ins as KeyValueInstruction, scopeOf(), vars);
        break;
      case 'SHELL': {
        const cmd = (ins as CommandInstruction).command;
        if (cmd?.kind === 'exec') {
          shell = cmd.elements.map((e) => e.value);
          if (stage) stage.shell = shell;
        }
        break;
      }
    }
  }

  const last = stages[stages.length - 1];
  if (last) last.isFinal = true;
  const stageByRef = (ref: string): Stage | undefined => {
    const named = stageByName.get(ref.toLowerCase());
    if (named) return named;
    return /^\d+$/.test(ref) ? stages[Number(ref)] : undefined;
  };
  linkStages(stages, stageByRef);

  const runs = new Map<Instruction, RunInfo>();
  const model: DockerfileModel = {
    df,
    stages,
    globalArgs,
    instructions: infos,
    info: (ins) => byIns.get(ins)!,
    run(ins) {
      if (ins.keyword !== 'RUN') return undefined;
      let info = runs.get(ins);
      if (!info) {
        info = analyseRun(ins as CommandInstruction, byIns.get(ins)?.shell ?? DEFAULT_SHELL);
        runs.set(ins, info);
      }
      return info;
    },
    stageByRef,
  };
  if (last) model.finalStage = last;
  if (context) model.context = context;
  if (images) model.images = images;
  return model;
}

/** the config of the image a stage's own FROM names (not an earlier stage), when the lookup knows it */
function ownImageConfig(images: ImageLookup, stage: Stage, fromScope: Scope): ImageConfig | undefined {
  const request = fromRequest(stage, fromScope);
  const answer = request && images.image(request.reference, request.platform);
  return answer?.found ? answer.image.config : undefined;
}

// The steps of buildModel are functions of their own: V8 optimises each separately, so new
// input shapes met in one step do not discard (and recompile) the optimised code of the others.

/** global ARGs (before the first FROM): visible in FROM lines; returns the scope after them */
function declareGlobalArgs(
  ins: KeyValueInstruction, before: Scope, vars: Variables, globalVars: Map<string, Variable>, globalArgs: Map<string, Variable>,
  buildArgs: Readonly<Record<string, string>> | undefined,
): Variables {
  for (const pair of ins.pairs) {
    const name = pair.key.value;
    const value = pair.value ? before.expand(pair.value.value).value : undefined;
    const v = argVariable(name, ins, value, buildArgs);
    globalArgs.set(name, v);
    globalVars.set(name, v);
    vars = vars.with(v);
  }
  return vars;
}

/** ARGs in a stage; one re-declared without a default takes its global value */
function stageArgs(
  ins: KeyValueInstruction, before: Scope, vars: Variables, globalVars: ReadonlyMap<string, Variable>,
  buildArgs: Readonly<Record<string, string>> | undefined,
): Variables {
  for (const pair of ins.pairs) {
    const name = pair.key.value;
    let value = pair.value ? before.expand(pair.value.value).value : undefined;
    if (value === undefined && !pair.value) {
      const global = globalVars.get(name);
      value = global?.buildArg ? global.buildArg.default : global?.value;
    }
    vars = vars.with(argVariable(name, ins, value, buildArgs));
  }
  return vars;
}

/** an ARG with its declared default, or the value a build argument gives it */
function argVariable(name: string, ins: KeyValueInstruction, value: string | undefined, buildArgs: Readonly<Record<string, string>> | undefined): Variable {
  const v: Variable = { name, kind: 'arg', declaredAt: ins };
  const passed = buildArgs !== undefined && Object.hasOwn(buildArgs, name) ? buildArgs[name] : undefined;
  if (passed !== undefined) {
    v.value = passed;
    v.buildArg = { default: value };
  } else if (value !== undefined) {
    v.value = value;
  }
  return v;
}

/** ENV pairs */
function applyEnv(ins: KeyValueInstruction, before: Scope, vars: Variables): Variables {
  for (const pair of ins.pairs) {
    // the legacy `ENV key value` form takes the rest of the line literally
    const raw = pair.value?.value ?? '';
    const v: Variable = { name: pair.key.value, kind: 'env', declaredAt: ins };
    const value = pair.separator === '=' ? before.expand(raw).value : raw;
    if (value !== undefined) v.value = value;
    vars = vars.with(v);
  }
  return vars;
}

/** which stages each stage reads from (`COPY --from`, `RUN --mount=from=`), both ways */
function linkStages(stages: readonly Stage[], stageByRef: (ref: string) => Stage | undefined): void {
  for (const s of stages) {
    for (const ins of s.instructions) {
      const from = ins.flags.find((f) => f.name === 'from')?.value;
      const refs = ins.keyword === 'COPY' && from ? [from] : [];
      for (const f of ins.flags) if (f.name === 'mount') for (const o of f.options) if (o.key === 'from' && o.value) refs.push(o.value);
      for (const ref of refs) {
        const target = stageByRef(ref);
        if (target && target !== s) {
          s.copiesFrom.add(target);
          target.usedBy.add(s);
        }
      }
    }
  }
}
