import { fix, lineEnding } from '../src/fix/edits.ts';
import { defineRule } from '../src/linter/rule.ts';
import type { RunInfo } from '../src/model/index.ts';
import { mergeRunEdits } from '../src/fix/run-merge.ts';
import type { Instruction } from '../src/parser/ast.ts';

/** operators that chain commands into a list: a RUN with one of them already groups several steps */
const LIST_OPERATORS = new Set(['&&', '||', ';', '&', '\n']);

/** a RUN of one command (a pipeline counts as one) */
function isSingleCommand(run: RunInfo): boolean {
  return run.scripts.length === 1 && run.commands.every((c) => c.joinedBy === undefined || !LIST_OPERATORS.has(c.joinedBy));
}

/** the flags (`--mount=...`, `--network=...`) as a comparable key: merging needs the same ones */
const flagsKey = (ins: Instruction) => ins.flags.map((f) => f.raw).sort().join('\0');

export default defineRule({
  meta: {
    id: 'merge-consecutive-run',
    aliases: ['DL3059'],
    severity: 'info',
    category: 'size',
    fixable: 'both',
    docs: {
      summary: 'Consecutive one-command RUNs with the same flags can be one RUN',
      description: 'Reports a RUN of a single command that directly follows another single-command RUN with the same flags (comments in between do not matter). RUNs that already chain commands (`&&`, `;`, several lines) are left alone: they are deliberate steps.',
      why: 'Each RUN is a layer and a cache step: files deleted in a later layer still weigh in the earlier one, and many small layers slow pulls.',
      bad: 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl',
      good: 'FROM debian:12\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl',
      fixSafety: 'Safe when the first RUN leaves no shell state behind (`cd`, `export`, `set`, `umask`, `source`, `exit` ...) and both have the same flags and mounts: the two become `RUN a && b`, which fails exactly when one of them would have. When the first RUN changes shell state it is wrapped in a subshell, `RUN ( cd /x && a ) && b`, which keeps behaviour but is offered as unsafe. No fix for exec form, heredocs, or a RUN ending in a comment.',
    },
  },
  create(ctx) {
    const eol = lineEnding(ctx.source);
    let previous: RunInfo | undefined;
    return {
      instruction(ins, info) {
        if (info.onbuild) return;
        const run = ins.keyword === 'RUN' ? ctx.model.run(ins) : undefined;
        if (!run?.posix || !isSingleCommand(run)) {
          previous = undefined;
          return;
        }
        if (previous && flagsKey(previous.ins) === flagsKey(ins)) {
          const merge = mergeRunEdits(ctx.model, ctx.source, previous.ins, run.ins, eol);
          ctx.report({
            span: ins.keywordWord,
            message: 'This RUN directly follows another one-command RUN: consider joining them with `&&` into one layer',
            ...(merge ? { fix: fix('merge into the previous RUN', merge.safety, ...merge.edits) } : {}),
          });
        }
        previous = run;
      },
    };
  },
});
