import { fix, insertAt, lineEnding, remove, replace } from '../src/fix/edits.ts';
import { defineRule } from '../src/linter/rule.ts';
import { type RunInfo, type ShellCommand } from '../src/model/index.ts';
import type { Stage } from '../src/model/model.ts';

/** a directory that can be written as a WORKDIR argument as it is */
const PLAIN_ABSOLUTE = /^\/[A-Za-z0-9._@+,:=%/-]*$/;
/** places a RUN works in for a moment, not where the image's later steps belong */
const SCRATCH_DIRS = /^\/(tmp|var\/tmp|root)?\/?$/;

export default defineRule({
  meta: {
    id: 'cd-use-workdir',
    aliases: ['DL3003'],
    severity: 'warning',
    category: 'maintainability',
    fixable: 'unsafe',
    docs: {
      summary: 'Use WORKDIR instead of `cd` to change directory',
      description:
        'Reports a RUN that only runs `cd /dir` (it changes nothing: the next RUN starts in the WORKDIR again), and RUNs that start '
        + 'with `cd /dir &&` and do all the rest there when two or more RUNs of the stage do so for the same directory: a WORKDIR '
        + 'says it once. Not for `cd` later in a script, in a subshell or `sh -c` string, in a condition, `cd -`, a computed or '
        + 'relative directory, a directory the RUN removes (`cd /src && make && rm -rf /src`), nor `/`, `/tmp` or `/root`.',
      presets: '`hadolint`: every `cd` outside a subshell or `sh -c` string, as DL3003.',
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
    const hadolint = ctx.settings.preset === 'hadolint';
    // per stage: how many RUNs start with `cd DIR &&` and do the rest there, by directory
    const leadingCds = new Map<Stage, Map<string, number>>();
    const countsOf = (stage: Stage) => {
      let counts = leadingCds.get(stage);
      if (counts === undefined) {
        leadingCds.set(stage, (counts = new Map()));
        for (const ins of stage.instructions) {
          const run = ins.keyword === 'RUN' ? ctx.model.run(ins) : undefined;
          const dir = run && leadingCd(run);
          if (dir !== undefined && run!.scripts[0]!.commands.length > 1) counts.set(dir, (counts.get(dir) ?? 0) + 1);
        }
      }
      return counts;
    };
    return {
      run(run, info) {
        if (!hadolint) {
          const dir = leadingCd(run);
          if (dir === undefined || info.stage === undefined) return;
          const only = run.scripts[0]!.commands.length === 1;
          if (!only && (countsOf(info.stage).get(dir) ?? 0) < 2) return;
          const cd = run.scripts[0]!.commands[0]!;
          const edits = info.onbuild ? undefined : moveToWorkdir(run, cd, source);
          ctx.report({
            span: cd,
            message: only
              ? `This RUN only changes directory, which the next RUN does not keep: use \`WORKDIR ${dir}\``
              : `Several RUNs start with \`cd ${dir}\`: say it once with \`WORKDIR ${dir}\``,
            ...(edits ? { fix: fix('move the directory to a WORKDIR instruction', 'unsafe', ...edits) } : {}),
          });
          return;
        }
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

/**
 * The directory of a RUN that starts with `cd /dir` and does all the rest there: the only `cd`
 * of a one-line script, followed by nothing or `&&`, into a plain absolute directory that is
 * not a scratch place and that the RUN does not remove.
 */
function leadingCd(run: RunInfo): string | undefined {
  if (run.ins.command?.kind !== 'shell' || run.ins.heredocs.length > 0 || run.scripts.length !== 1) return undefined;
  const commands = run.scripts[0]!.commands;
  const [cd, second] = commands;
  if (cd?.program !== 'cd' || cd.inSubshell || cd.inCondition || cd.inPipeline || cd.args.length !== 1) return undefined;
  const dir = cd.args[0]!.value;
  if (dir === undefined || !PLAIN_ABSOLUTE.test(dir) || SCRATCH_DIRS.test(dir)) return undefined;
  if (second !== undefined && (second.joinedBy !== '&&' || second.inSubshell)) return undefined;
  if (commands.some((c) => c !== cd && c.program === 'cd')) return undefined;
  const norm = dir.replace(/\/+$/, '');
  if (run.removed.some((r) => { const p = (r.path.value ?? '').replace(/\/+$/, ''); return p === norm || norm.startsWith(`${p}/`) || r.path.value === undefined; })) return undefined;
  return dir;
}

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
