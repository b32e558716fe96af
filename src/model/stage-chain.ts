/**
 * What a stage inherits along its chain (`FROM build`, built on `FROM base` ...). A question about
 * the chain is answered per stage from the answer of the stage it builds on, once per stage: a
 * chain of n stages costs O(n) in all, where walking the chain from every stage (or from every
 * instruction) cost O(n^2).
 */
import type { Instruction } from '../parser/ast.ts';
import type { DockerfileModel, Stage } from './model.ts';
import { perModel } from './per-model.ts';

/** The stage and the stages it builds on (`FROM build`), nearest first. O(depth): for a question asked once per file. */
export function stageChain(stage: Stage): Stage[] {
  const chain: Stage[] = [];
  // a stage builds only on stages before it, so the chain has no cycle
  for (let s: Stage | undefined = stage; s; s = s.baseStage) chain.push(s);
  return chain;
}

/**
 * `own(stage, fromBase, ...args)` for a stage, where `fromBase` is the answer for the stage it
 * builds on (undefined for a stage built on an image). Each stage's answer is computed once and
 * kept, base stages first, without recursion (a chain can be as long as the file). `args` (the
 * model) must be the same for every call about one stage.
 */
export function alongChain<T, A extends unknown[]>(own: (stage: Stage, fromBase: T | undefined, ...args: A) => T): (stage: Stage, ...args: A) => T {
  const answers = new WeakMap<Stage, { value: T }>();
  return (stage, ...args) => {
    const known = answers.get(stage);
    if (known) return known.value;
    const todo: Stage[] = [];
    let s: Stage | undefined = stage;
    for (; s && !answers.has(s); s = s.baseStage) todo.push(s);
    let value = s ? answers.get(s)!.value : undefined;
    for (let i = todo.length - 1; i >= 0; i--) {
      value = own(todo[i]!, value, ...args);
      answers.set(todo[i]!, { value });
    }
    return value as T;
  };
}

/**
 * The stage whose instructions hold `ins` (`stage` or one it builds on); `stage` for an ONBUILD
 * trigger, which no stage's instructions hold.
 */
export function stageHolding(model: DockerfileModel, ins: Instruction, stage: Stage): Stage {
  return (!ins.parent && model.info(ins).stage) || stage;
}

/** The first stage of the chain: the one whose FROM names an image (or scratch, or a variable). */
export const rootStage = alongChain<Stage, []>((stage, fromBase) => fromBase ?? stage);

/** Whether `test` holds for the stage or a stage it builds on, per stage once (see alongChain). */
export function anyAlongChain<A extends unknown[]>(test: (stage: Stage, ...args: A) => boolean): (stage: Stage, ...args: A) => boolean {
  return alongChain<boolean, A>((stage, fromBase, ...args) => fromBase === true || test(stage, ...args));
}

/** where each stage enters and leaves a walk of the stages' tree (each stage below the one it builds on) */
const stageTree = perModel((model) => {
  const children = model.stages.map((): Stage[] => []);
  for (const s of model.stages) if (s.baseStage) children[s.baseStage.index]!.push(s);
  const enter: number[] = [];
  const leave: number[] = [];
  let clock = 0;
  for (const root of model.stages) {
    if (root.baseStage) continue;
    // depth first, with a stack of its own: a chain can be as long as the file
    const stack: { stage: Stage; next: number }[] = [{ stage: root, next: 0 }];
    enter[root.index] = clock++;
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const child = children[top.stage.index]![top.next++];
      if (child) {
        enter[child.index] = clock++;
        stack.push({ stage: child, next: 0 });
      } else {
        leave[top.stage.index] = clock;
        stack.pop();
      }
    }
  }
  return { enter, leave };
});

/** Whether `stage` is `other` or builds on it (through `FROM <stage>` chains), in O(1). */
export function buildsOn(model: DockerfileModel, stage: Stage, other: Stage): boolean {
  const { enter, leave } = stageTree(model);
  return enter[other.index]! <= enter[stage.index]! && leave[stage.index]! <= leave[other.index]!;
}
