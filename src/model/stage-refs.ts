/** What a `COPY --from` / `RUN --mount=from=` value refers to, seen from one instruction. */
import type { InstructionInfo, DockerfileModel, Stage } from './model.ts';

export type FromRef =
  | { kind: 'stage'; stage: Stage }
  /** a stage that the instruction cannot use: its own stage, or one defined later */
  | { kind: 'self'; stage: Stage }
  | { kind: 'later'; stage: Stage }
  /** a stage index that no stage has (yet) */
  | { kind: 'missing-index' }
  /** a name that is no stage and does not look like an image reference either (`--from=biuld`) */
  | { kind: 'unknown-name' }
  /** an image from a registry: `alpine:3.20`, `ghcr.io/org/tool` */
  | { kind: 'image' }
  /** depends on a variable without a known value */
  | { kind: 'unresolved' };

/** Classify the `from` value as seen by the instruction described by `info`. */
export function resolveFromRef(model: DockerfileModel, info: InstructionInfo, raw: string): FromRef {
  const value = info.scope.expand(raw).value;
  if (value === undefined || value === '') return { kind: 'unresolved' };
  const current = info.stage?.index ?? -1;
  const classify = (stage: Stage): FromRef =>
    stage.index < current ? { kind: 'stage', stage } : stage.index === current ? { kind: 'self', stage } : { kind: 'later', stage };
  if (/^\d+$/.test(value)) {
    const stage = model.stages[Number(value)];
    return stage ? classify(stage) : { kind: 'missing-index' };
  }
  const lower = value.toLowerCase();
  const named = model.stageByRef(lower);
  if (named) return classify(named);
  return /[:/@]/.test(value) ? { kind: 'image' } : { kind: 'unknown-name' };
}
