/** Edits that switch a stage's user (the fixes of `missing-user` and `user-root`). */
import type { Instruction } from '../parser/ast.ts';
import type { TextEdit } from '../linter/types.ts';
import type { DockerfileModel, Stage } from '../model/model.ts';
import { lineEnding } from './edits.ts';

/**
 * Insert `USER <user>` in `stage`: before the first CMD/ENTRYPOINT after `after` (or in the
 * stage), else at the end of the stage.
 */
export function switchUserEdit(model: DockerfileModel, stage: Stage, user: string, after?: Instruction): TextEdit {
  const source = model.df.source;
  const eol = lineEnding(source);
  const line = `USER ${user}${eol}`;
  const from = after ? stage.instructions.indexOf(after) + 1 : 0;
  const command = stage.instructions.slice(from).find((ins) => ins.keyword === 'CMD' || ins.keyword === 'ENTRYPOINT');
  if (command) {
    const at = model.df.lines.offsetAt(model.df.lines.position(command.start).line, 1);
    return { start: at, end: at, text: line };
  }
  const last = stage.instructions[stage.instructions.length - 1] ?? stage.from;
  const endsLine = /\n$/.test(source.slice(last.start, last.fullEnd));
  return { start: last.fullEnd, end: last.fullEnd, text: endsLine ? line : `${eol}${line}` };
}
