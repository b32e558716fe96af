import type { Stage } from './model.ts';

const keywordsByStage = new WeakMap<Stage, ReadonlySet<string>>();

/**
 * The keywords of a stage's own instructions (ONBUILD triggers aside), from one pass per stage:
 * `stage.instructions.some(...)` asked by each instruction was O(n) each.
 */
export function stageKeywords(stage: Stage): ReadonlySet<string> {
  let keywords = keywordsByStage.get(stage);
  if (!keywords) keywordsByStage.set(stage, (keywords = new Set(stage.instructions.map((ins) => ins.keyword))));
  return keywords;
}
