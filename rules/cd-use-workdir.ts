import { fix, insertAt, lineEnding, remove, replace } from '../src/fix/edits.ts';
import { defineRule } from '../src/linter/rule.ts';
import { type RunInfo, type ShellCommand } from '../src/model/index.ts';

/** a directory that can be written as a WORKDIR argument as it is */
const PLAIN_ABSOLUTE = /^\/[A-Za-z0-9._@+,:=%/-]*$/;

export default defineRule({
  meta: {
    id: 'cd-use-workdir',
    aliases: ['DL3003'],
    severity: 'warning',
    category: 'maintainability',
    fixable: 'unsafe',
    docs: {
      summary: 'Use WORKDIR instead of `cd` to change directory',
      description: 'Reports `cd` in a RUN, except inside a subshell `( ... )` or `sh -c` string, where changing directory for a few commands is the point.',
      why: 'WORKDIR states the directory once for every later instruction (RUN, COPY, CMD) and creates it; `cd` chains repeat it in each RUN and hide where commands run.',
      bad: 'FROM node:22\nRUN cd /app && npm ci\n',
      good: 'FROM node:22\nWORKDIR /app\nRUN npm ci\n',
      fixSafety:
        'Unsafe: for a RUN that starts with `cd /absolute/dir &&` (or is only that `cd`), moves the directory to a WORKDIR line before it. '
        + 'WORKDIR also applies to every later instruction of the stage and creates a missing directory where `cd` would fail, so the build can change.',
    },
  },
  create(ctx) {
    const { source } = ctx;
    return {
      run(run, info) {
        for (const command of run.commands) {
          if (command.program !== 'cd' || command.inSubshell) continue;
          const edits = info.onbuild ? undefined : moveToWorkdir(run, command, source);
          ctx.report({
            span: command,
            message: 'Use WORKDIR to change directory instead of `cd`',
            ...(edits ? { fix: fix('move the directory to a WORKDIR instruction', 'unsafe', ...edits) } : {}),
          });
        }
      },
    };
  },
});

/** `RUN cd /dir && rest` -> `WORKDIR /dir` + `RUN rest`; only for that exact shape */
function moveToWorkdir(run: RunInfo, cd: ShellCommand, source: string) {
  const ins = run.ins;
  const script = run.scripts[0];
  if (!run.editable || ins.command?.kind !== 'shell' || ins.heredocs.length > 0 || !script) return undefined;
  const [first, second] = script.commands;
  const dir = cd.args[0]?.value;
  if (first !== cd || cd.args.length !== 1 || dir === undefined || !PLAIN_ABSOLUTE.test(dir)) return undefined;
  if (script.commands.some((c) => c !== cd && c.program === 'cd')) return undefined;
  const lineStart = source.lastIndexOf('\n', ins.start - 1) + 1;
  const indent = source.slice(lineStart, ins.start);
  if (!/^[ \t]*$/.test(indent)) return undefined;
  const keyword = ins.keywordWord.raw === ins.keywordWord.raw.toLowerCase() ? 'workdir' : 'WORKDIR';
  const workdir = insertAt(ins.start, `${keyword} ${dir}${lineEnding(source)}${indent}`);
  // a RUN that only changes directory becomes the WORKDIR (its flags would have nothing to apply to)
  if (!second) return ins.flags.length === 0 ? [replace({ start: ins.start, end: ins.end }, `${keyword} ${dir}`)] : undefined;
  // the rest must follow `cd dir &&` at top level
  if (second.joinedBy !== '&&' || second.inSubshell || second.inCondition) return undefined;
  return [workdir, remove({ start: cd.start, end: second.start })];
}
