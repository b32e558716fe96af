/**
 * The rule contract. A rule is `meta` (id, aliases, severity, docs, fixability)
 * beside `create`, which returns visitors called once per instruction keyword
 * (ESLint's model). Rules read the model, never the parser's tokens.
 */
import type {
  CommandInstruction, CopyInstruction, Dockerfile, ExposeInstruction, FromInstruction, HealthcheckInstruction,
  Instruction, KeyValueInstruction, OnbuildInstruction, Span, StringInstruction, VolumeInstruction,
} from '../parser/ast.ts';
import type { DockerfileModel, InstructionInfo, RunInfo } from '../model/index.ts';
import type { Fix, PresetName, RuleMeta, Severity } from './types.ts';

export interface RuleSettings {
  /** the preset in effect: a rule whose semantics differ per preset reads it (its doc's `presets` says how) */
  preset: PresetName;
  /** registries FROM may pull from (DL3026); empty = any */
  trustedRegistries: readonly string[];
  /** required labels and their value kind (DL3049-DL3058) */
  labelSchema: Readonly<Record<string, string>>;
  strictLabels: boolean;
  /** this rule's options from the configuration */
  options: Readonly<Record<string, unknown>>;
}

export interface Report {
  span: Span;
  message: string;
  fix?: Fix;
  suggestions?: Fix[];
  /** names of this finding beyond the rule's own aliases (a ShellCheck rule reports each `SC####` here) */
  aliases?: readonly string[];
  /** this finding's own severity, used while the configuration leaves the rule at its default */
  severity?: Severity;
}

export interface RuleContext {
  model: DockerfileModel;
  df: Dockerfile;
  source: string;
  settings: RuleSettings;
  report(report: Report): void;
}

/** the typed instruction each keyword visitor receives */
export interface InstructionOf {
  FROM: FromInstruction;
  RUN: CommandInstruction;
  CMD: CommandInstruction;
  ENTRYPOINT: CommandInstruction;
  SHELL: CommandInstruction;
  HEALTHCHECK: HealthcheckInstruction;
  COPY: CopyInstruction;
  ADD: CopyInstruction;
  VOLUME: VolumeInstruction;
  ENV: KeyValueInstruction;
  LABEL: KeyValueInstruction;
  ARG: KeyValueInstruction;
  EXPOSE: ExposeInstruction;
  USER: StringInstruction;
  WORKDIR: StringInstruction;
  MAINTAINER: StringInstruction;
  STOPSIGNAL: StringInstruction;
  ONBUILD: OnbuildInstruction;
}

export type RuleVisitors = {
  /** called for each instruction with that keyword (ONBUILD triggers included: see info.onbuild) */
  [K in keyof InstructionOf]?: (ins: InstructionOf[K], info: InstructionInfo) => void;
} & {
  /** every instruction, whatever its keyword */
  instruction?: (ins: Instruction, info: InstructionInfo) => void;
  /** each RUN whose command runs in a POSIX shell, with its parsed scripts */
  run?: (run: RunInfo, info: InstructionInfo) => void;
  /** after every instruction was visited */
  end?: () => void;
};

export interface Rule {
  meta: RuleMeta & {
    /** the tool version that introduced the rule (config `ruleset` pinning) */
    since?: string;
  };
  create(ctx: RuleContext): RuleVisitors;
}

/** a rule module: `export default defineRule({...})` keeps literal types checked */
export function defineRule(rule: Rule): Rule {
  return rule;
}
