import type { DockerfileModel } from './model.ts';

/**
 * `build(model)` computed once per model, the first time it is asked: a question every
 * instruction asks is answered from one pass over the file instead of one pass each.
 */
export function perModel<T>(build: (model: DockerfileModel) => T): (model: DockerfileModel) => T {
  const answers = new WeakMap<DockerfileModel, T>();
  return (model) => {
    if (answers.has(model)) return answers.get(model)!;
    const answer = build(model);
    answers.set(model, answer);
    return answer;
  };
}
