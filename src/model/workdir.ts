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
  return workdirsOf(model).get(ins);
}

const workdirsOf = perModel((model): Map<Instruction, string | undefined> => {
  const byIns = new Map<Instruction, string | undefined>();
  const stageEnd = new Map<Stage, string | undefined>();
  let current: string | undefined;
  let stage: Stage | undefined;
  for (const info of model.instructions) {
    const { ins } = info;
    if (ins.keyword === 'FROM' && !info.onbuild) {
      if (stage) stageEnd.set(stage, current);
      stage = info.stage;
      current = stage?.baseStage ? stageEnd.get(stage.baseStage) : stage?.image.isScratch && stage.image.resolved ? '/' : undefined;
      byIns.set(ins, current);
      continue;
    }
    byIns.set(ins, info.onbuild ? undefined : current);
    if (ins.keyword !== 'WORKDIR' || info.onbuild) continue;
    const value = workdirValue(ins as StringInstruction, info);
    current = value === undefined ? undefined : resolveWorkdir(current, value);
  }
  return byIns;
});

/** `WORKDIR value` after `previous` (BuildKit joins and cleans POSIX paths); undefined when unknown */
export function resolveWorkdir(previous: string | undefined, value: string): string | undefined {
  if (WINDOWS_ABSOLUTE.test(value)) return value;
  if (value.startsWith('/')) return cleanPath(value);
  if (previous === undefined || !previous.startsWith('/')) return undefined;
  return cleanPath(posix.join(previous, value));
}

/** like Go's filepath.Clean: no `.`/`..` segments, no trailing slash */
function cleanPath(path: string): string {
  const normalized = posix.normalize(path);
  return normalized.length > 1 ? normalized.replace(/\/+$/, '') : normalized;
}
