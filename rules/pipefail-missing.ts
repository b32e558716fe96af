import { fix, insertAt, lineEnding } from '../src/fix/edits.ts';
import { defineRule } from '../src/linter/rule.ts';
import type { ShellCommand } from '../src/model/index.ts';
import type { Stage } from '../src/model/model.ts';
import { imageHasBash, stageRootImage } from '../src/model/stages.ts';

/** shells whose `-o pipefail` is dependable; plain `sh` may be dash or busybox */
const PIPEFAIL_SHELLS = /(^|\/)(bash|zsh|ksh|mksh|ash)$/;
const PIPEFAIL_SHELL = '["/bin/bash", "-o", "pipefail", "-c"]';

/** whether the SHELL argv turns pipefail on (`-o pipefail`, `-eo pipefail`, `-o errexit -o pipefail`) */
function shellHasPipefail(shell: readonly string[]): boolean {
  if (!PIPEFAIL_SHELLS.test(shell[0] ?? '')) return false;
  return shell.some((arg, i) => arg === 'pipefail' && /^-[a-z]*o$/.test(shell[i - 1] ?? ''));
}

/** `set -o pipefail` (also `set -eo pipefail`, `set -euxo pipefail`) run by the script itself before `cmd` */
function scriptSetsPipefail(commands: readonly ShellCommand[], before: ShellCommand): boolean {
  return commands.some((c) => c.start < before.start && !c.inSubshell && c.name?.value === 'set'
    && c.args.some((a, i) => a.value === 'pipefail' && /^-[a-z]*o$/.test(c.args[i - 1]?.value ?? '')));
}

export default defineRule({
  meta: {
    id: 'pipefail-missing',
    aliases: ['DL4006'],
    severity: 'warning',
    category: 'correctness',
    fixable: 'unsafe',
    docs: {
      summary: 'Set `-o pipefail` before a RUN with a pipe',
      description: 'Reports a shell-form RUN that pipes (`a | b`) while the SHELL in effect is not bash, zsh, ksh or ash with `-o pipefail`, and the script does not run `set -o pipefail` first. Plain `sh` does not count: on Debian it is dash. Exec-form RUN does not go through SHELL and is not checked.',
      why: 'A pipeline\'s status is that of its last command: `curl https://... | tar -x` "succeeds" when the download fails, and the build goes on with a broken layer.',
      bad: 'FROM debian:12\nRUN curl -fsSL https://example.com/app.tar.gz | tar -xz -C /opt',
      good: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/app.tar.gz | tar -xz -C /opt',
      fixSafety: 'Unsafe: inserts `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before the RUN, which changes the shell of every later RUN in the stage (bash instead of sh) and makes failing pipelines fail the build. Offered only when the stage is certainly based on an image with bash (Debian, Ubuntu, RHEL family, Debian variants of official language images), never for alpine, busybox, scratch, distroless or unknown images, and never for ONBUILD triggers.',
    },
  },
  create(ctx) {
    const fixOffered = new Set<Stage>();
    return {
      run(run, info) {
        if (run.ins.command?.kind !== 'shell' && run.ins.heredocs.length === 0) return;
        if (shellHasPipefail(info.shell)) return;
        for (const script of run.scripts) {
          if (!script.hasPipes) continue;
          const piped = script.commands.find((c) => c.joinedBy === '|' || c.joinedBy === '|&');
          if (!piped || scriptSetsPipefail(script.commands, piped)) continue;
          const stage = info.stage;
          // one SHELL per stage: after it, later piped RUNs are fine (the fixer re-lints between passes)
          const canFix = stage !== undefined && !info.onbuild && !fixOffered.has(stage) && imageHasBash(stageRootImage(stage));
          if (canFix) fixOffered.add(stage);
          const lineStart = ctx.source.lastIndexOf('\n', run.ins.start - 1) + 1;
          const indent = ctx.source.slice(lineStart, run.ins.start);
          ctx.report({
            span: { start: piped.start, end: piped.end },
            message: 'A pipe hides the failure of all but its last command: set `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` (or `set -o pipefail`) before this RUN',
            ...(canFix && /^[ \t]*$/.test(indent)
              ? { fix: fix('add SHELL with -o pipefail before the RUN', 'unsafe', insertAt(run.ins.start, `SHELL ${PIPEFAIL_SHELL}${lineEnding(ctx.source)}${indent}`)) }
              : {}),
          });
          return;
        }
      },
    };
  },
});
