/**
 * The working directory in effect at each instruction, when it is known at lint time:
 * `FROM scratch` starts at `/`, `FROM <stage>` carries on from that stage, a WORKDIR
 * with a known absolute value (or relative to a known one) sets it. An external base
 * image's WORKDIR is unknown. Used by the WORKDIR rules and their fixes.
 */
import { posix } from 'node:path';
import type { Instruction, StringInstruction } from '../parser/ast.ts';
import type { DockerfileModel, InstructionInfo, Stage } from './model.ts';
import { perModel } from './per-model.ts';

/** A Windows absolute path: `C:\`, `C:/x`, `\\server\share`, `\x` */
const WINDOWS_ABSOLUTE = /^([A-Za-z]:[\\/]|\\)/;

export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || WINDOWS_ABSOLUTE.test(path);
}

/**
 * The value of a WORKDIR argument as BuildKit reads it (ARGs/ENVs expanded, quotes removed);
 * undefined when it depends on a variable without a known value.
 */
export function workdirValue(ins: StringInstruction, info: InstructionInfo): string | undefined {
  const raw = ins.argument?.raw;
  if (raw === undefined) return undefined;
  const expanded = info.scope.expand(raw);
  if (expanded.value !== undefined) return expanded.value;
  // an expansion error (e.g. `"C:\"` read with `\` as escape) on a word without variables: strip the quotes
  if (expanded.undefinedRefs.length === 0 && expanded.unknownRefs.length === 0 && !raw.includes('$')) {
    return raw.replace(/^(["'])(.*)\1$/s, '$2');
  }
  return undefined;
}

/**
 * The working directory before `ins` runs (undefined when unknown). For an ONBUILD trigger
 * it is always unknown: the trigger runs in an image built from this one.
 */
export function workdirBefore(model: DockerfileModel, ins: Instruction): string | undefined {
  return workdirsOf(model).dirs.get(ins);
}

/**
 * Whether a WORKDIR of this Dockerfile ran before `ins`, in its stage or a stage it builds on
 * (its value known or not): BuildKit's WorkdirRelativePath checks only the first one.
 */
export function workdirSetBefore(model: DockerfileModel, ins: Instruction): boolean {
  return workdirsOf(model).set.has(ins);
}

const workdirsOf = perModel((model) => {
  const dirs = new Map<Instruction, string | undefined>();
  const set = new Set<Instruction>();
  const stageEnd = new Map<Stage, { dir: string | undefined; set: boolean }>();
  let current: string | undefined;
  let workdirSet = false;
  let stage: Stage | undefined;
  for (const info of model.instructions) {
    const { ins } = info;
    if (ins.keyword === 'FROM' && !info.onbuild) {
      if (stage) stageEnd.set(stage, { dir: current, set: workdirSet });
      stage = info.stage;
      const parent = stage?.baseStage && stageEnd.get(stage.baseStage);
      current = parent ? parent.dir : stage?.image.isScratch && stage.image.resolved ? '/' : undefined;
      workdirSet = parent?.set ?? false;
      dirs.set(ins, current);
      continue;
    }
    dirs.set(ins, info.onbuild ? undefined : current);
    if (workdirSet && !info.onbuild) set.add(ins);
    if (ins.keyword !== 'WORKDIR' || info.onbuild) continue;
    workdirSet = true;
    const value = workdirValue(ins as StringInstruction, info);
    current = value === undefined ? undefined : resolveWorkdir(current, value);
  }
  return { dirs, set };
});

/** `WORKDIR value` after `previous` (BuildKit joins and cleans POSIX paths); undefined when unknown */
export function resolveWorkdir(previous: string | undefined, value: string): string | undefined {
  if (WINDOWS_ABSOLUTE.test(value)) return value;
  if (value.startsWith('/')) return cleanPath(value);
  if (previous === undefined || !previous.startsWith('/')) return undefined;
  return cleanPath(posix.join(previous, value));
}

/** like Go's filepath.Clean: no `.`/`..` segments, no trailing slash */
export function cleanPath(path: string): string {
  const normalized = posix.normalize(path);
  return normalized.length > 1 ? normalized.replace(/\/+$/, '') : normalized;
}
