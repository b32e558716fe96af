import { fix, lineEnding } from '../src/fix/edits.ts';
import { defineRule } from '../src/linter/rule.ts';
import type { CommandInstruction } from '../src/parser/ast.ts';
import { isCommand, type InstructionInfo, type RunInfo } from '../src/model/index.ts';
import { mergeRunEdits } from '../src/fix/run-merge.ts';

const APT = ['apt-get', 'apt'] as const;
/** apt subcommands that read the package index `update` downloads */
const INDEX_READERS = ['install', 'reinstall', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep', 'source', 'download'];

function readsIndex(run: RunInfo): boolean {
  return run.commands.some((c) => APT.some((p) => INDEX_READERS.some((sub) => isCommand(c, p, sub))));
}

export default defineRule({
  meta: {
    id: 'apt-update-separate',
    aliases: [],
    severity: 'warning',
    category: 'correctness',
    fixable: 'safe',
    docs: {
      summary: '`apt-get update` must run in the same RUN as the install that needs it',
      description: 'Reports a RUN that runs `apt-get update` (or `apt update`) without installing or upgrading anything, when a later RUN of the same stage installs with apt.',
      why: 'Each RUN is a cached layer. The `apt-get update` layer is reused as long as its line does not change, so when you later add a package to the install line, it is installed from an index that may be months old: versions that no longer exist on the mirror (404 errors) or miss security updates.',
      bad: 'FROM debian:bookworm\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl\n',
      good: 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
      fixSafety: 'Safe: when the update RUN holds only the update and the very next instruction is the install RUN (same flags and mounts, shell form, one `&&` list), the two are merged into `RUN apt-get update && <install>`. The merged RUN fails exactly when one of the two did. Otherwise no fix.',
    },
  },
  create(ctx) {
    const model = ctx.model;
    /** the RUNs after `info` in its stage with the same ONBUILD-ness, in order */
    const laterRuns = (info: InstructionInfo): InstructionInfo[] => {
      const from = model.instructions.indexOf(info);
      return model.instructions.slice(from + 1).filter((o) => o.stage === info.stage && o.onbuild === info.onbuild && o.ins.keyword === 'RUN');
    };
    return {
      run(run, info) {
        const update = run.updates.find((u) => u.manager === 'apt-get' || u.manager === 'apt');
        if (!update || readsIndex(run)) return;
        const later = laterRuns(info);
        const consumer = later.find((o) => {
          const r = model.run(o.ins);
          return r !== undefined && readsIndex(r);
        });
        if (!consumer) return;
        const next = later[0];
        const merge = run.commands.length === 1 && next === consumer
          ? mergeRunEdits(model, ctx.source, run.ins, next.ins as CommandInstruction, lineEnding(ctx.source))
          : undefined;
        const line = ctx.df.lines.position(consumer.ins.start).line;
        ctx.report({
          span: { start: update.command.start, end: update.command.end },
          message: `\`apt-get update\` runs in its own layer, which stays cached while the install on line ${line} changes: install from a stale index. Run the update in the same RUN as the install`,
          ...(merge ? { fix: fix('merge the apt-get update into the install RUN', merge.safety, ...merge.edits) } : {}),
        });
      },
    };
  },
});
