import { fix, lineEnding } from '../src/fix/edits.ts';
import { defineRule } from '../src/linter/rule.ts';
import type { RunInfo } from '../src/model/index.ts';
import { mergeRunEdits, type RunMerge } from '../src/fix/run-merge.ts';
import type { TextEdit } from '../src/linter/types.ts';
import type { Instruction } from '../src/parser/ast.ts';
import { shipsInImage } from '../src/model/stages.ts';

/** operators that chain commands into a list: a RUN with one of them already groups several steps */
const LIST_OPERATORS = new Set(['&&', '||', ';', '&', '\n']);

/** a RUN of one command (a pipeline counts as one) */
function isSingleCommand(run: RunInfo): boolean {
  return run.scripts.length === 1 && run.commands.every((c) => c.joinedBy === undefined || !LIST_OPERATORS.has(c.joinedBy));
}

/** a comment line between two instructions: the author describes the second as its own step */
const COMMENT_LINE = /^[ \t]*#/m;

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
      fixSafety: 'Each RUN starts a new shell; merged, the second RUN\'s commands run in the shell the first leaves. Safe only under the default `/bin/sh -c` on a Linux image, with the same flags and mounts, when the first RUN leaves no shell state behind (`cd`, `export`, `set`, `umask`, `source`, `exit` ...) and changes no file a shell reads at start-up: the two become `RUN a && b`, which fails exactly when one of them would have. Unsafe (`--unsafe-fixes`) when the first RUN changes shell state (it is wrapped in a subshell, `RUN ( cd /x && a ) && b`), writes a profile, rc file or `/etc/environment` or pipes a script into a shell (installers add themselves to a profile), has a tmpfs or read-write bind mount (the second RUN would see what the first wrote there), or under any other SHELL (bash reads `BASH_ENV` at start-up). No fix under a login or interactive SHELL (`-l`, `-i`: every RUN reads the profile, the merged one only once), on Windows images (cmd and PowerShell start a new process per RUN, and the PATH an installer such as choco sets reaches the next RUN only), for exec form, heredocs, or a RUN ending in a comment. A chain of such RUNs is merged by one fix, safe only when every merge in it is.',
      presets: '`recommended` and `all` leave alone a RUN that a comment line introduces (the author describes it as its own step), RUNs of a stage whose layers do not ship (a build stage the image only copies from: its layer count reaches nobody) and RUNs of Windows images. `hadolint` reports them all, as DL3059 does (comments between the RUNs do not matter).',
    },
  },
  create(ctx) {
    const eol = lineEnding(ctx.source);
    const smart = ctx.settings.preset !== 'hadolint';
    /** consecutive one-command RUNs with the same flags; every one after the first is a finding */
    let chain: RunInfo[] = [];
    const report = (run: RunInfo, merge?: { safety: 'safe' | 'unsafe'; edits: TextEdit[] }) => ctx.report({
      span: run.ins.keywordWord,
      message: 'This RUN directly follows another one-command RUN: consider joining them with `&&` into one layer',
      ...(merge ? { fix: fix('merge into the previous RUN', merge.safety, ...merge.edits) } : {}),
    });
    // A chain is merged by one fix (on its first finding): merged pair by pair, the RUN made of
    // the first two would chain commands and end the chain. Safe only when every merge in it is.
    const flush = () => {
      const merges = chain.slice(1).map((run, k) => mergeRunEdits(ctx.model, ctx.source, chain[k]!.ins, run.ins, eol));
      for (let k = 0; k < merges.length; ) {
        let j = k;
        while (merges[j] !== undefined) j++;
        if (j === k) {
          report(chain[k + 1]!);
          k++;
          continue;
        }
        const parts = merges.slice(k, j) as RunMerge[];
        report(chain[k + 1]!, { safety: parts.every((m) => m.safety === 'safe') ? 'safe' : 'unsafe', edits: parts.flatMap((m) => m.edits) });
        for (let i = k + 1; i < j; i++) report(chain[i + 1]!);
        k = j;
      }
      chain = [];
    };
    return {
      instruction(ins, info) {
        if (info.onbuild) return;
        const run = ins.keyword === 'RUN' ? ctx.model.run(ins) : undefined;
        // layers of a stage the image only copies from never reach anyone; Windows RUNs are processes apart
        const counts = !smart || (shipsInImage(ctx.model, info.stage) && !info.stage?.windows);
        if (!run?.posix || !isSingleCommand(run) || !counts) {
          flush();
          return;
        }
        const last = chain[chain.length - 1];
        if (last && (flagsKey(last.ins) !== flagsKey(ins) || (smart && COMMENT_LINE.test(ctx.source.slice(last.ins.fullEnd, ins.start))))) flush();
        chain.push(run);
      },
      end: flush,
    };
  },
});
