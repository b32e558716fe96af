import { fix, insertAt } from '../src/fix/edits.ts';
import { defineRule } from '../src/linter/rule.ts';
import { shTakesPipefail } from '../src/model/distro.ts';
import { interpreterOf, type InstructionInfo, type RunInfo, type ScriptSource, type ShellCommand } from '../src/model/index.ts';
import { childShellOf, hiddenDownloadFailures, pipefailSetBefore, shellArgvSetsPipefail } from '../src/model/pipes.ts';
import type { DockerfileModel } from '../src/model/model.ts';

/** shells that take `-o pipefail`; plain `sh` may be dash, which does not before Debian 13 */
const PIPEFAIL_SHELLS = /(^|\/)(bash|zsh|ksh|mksh|ash)$/;
const SH = /(^|\/)sh$/;

export default defineRule({
  meta: {
    id: 'pipefail-missing',
    aliases: ['DL4006'],
    severity: 'warning',
    category: 'correctness',
    fixable: 'unsafe',
    docs: {
      summary: 'A download before a pipe fails silently without `pipefail`',
      description:
        'Reports a download (curl, wget, aria2c, fetch, httpie) whose output goes into a pipe (`curl ... | sh`, `wget -O- ... | tar -x`, '
        + '`v=$(curl ... | jq -r .tag)`) when `pipefail` is not on: neither the SHELL in effect nor an earlier `set -o pipefail` of the script '
        + '(in the shell that runs the pipe) sets it. Not for pipes whose left side cannot fail in a way that matters '
        + '(`echo "$sum *f" | sha256sum -c -`, `echo "$x" | tr`), nor when the pipe ends in a reader that fails by itself on an empty, cut or '
        + 'error-page download (`| tar -xz`, `| gpg --dearmor`, `| apt-key add -`, `| sha256sum -c`), for a download whose failure is tolerated on purpose (`|| true`, an `if`), '
        + 'for a download a command substitution captures (`v=$(curl ... | jq -r .tag)`: the script goes on to use the empty value, which fails there), '
        + 'for a key or repository list written with `tee` before the package manager of the same RUN reads it, or an installer '
        + 'whose product (named in its URL) the RUN then runs or uses (`curl https://sh.rustup.rs | sh && rustup ...`), '
        + 'nor where a reader may stop early (`| head`, `| grep -q`), which `pipefail` would turn into a failure. '
        + 'Exec-form RUN does not go through a shell and is not checked.',
      why: 'A pipeline\'s status is that of its last command: when `curl -f https://... | sh` fails to download, `sh` runs an empty script, exits 0, and the build goes on without what it was meant to install, and the broken layer is cached.',
      bad: 'FROM alpine:3.20\nRUN wget -qO- https://example.com/install.sh | sh',
      good: 'FROM alpine:3.20\nRUN set -o pipefail && wget -qO- https://example.com/install.sh | sh',
      fixSafety:
        'Unsafe: starts the RUN\'s script with `set -o pipefail && ` (a heredoc script with a `set -o pipefail` line), so the RUN fails when any '
        + 'command of a pipe fails: a build that passed while a download failed now stops there, which is the point. Nothing else changes: the '
        + 'shell stays the same (no SHELL to bash, whose `echo` differs from dash\'s). Offered only where the shell in effect takes the option: bash, '
        + 'zsh, ksh or ash as SHELL, or `/bin/sh` on images whose sh does (BusyBox ash on Alpine and busybox, bash on the RHEL family, dash on '
        + 'Debian 13); never on Debian 12 or Ubuntu, whose dash stops with "Illegal option -o pipefail", nor on unknown images, for pipes in a '
        + '`sh -c` string, or in ONBUILD triggers.',
      presets:
        '`hadolint`: every shell-form RUN with a pipe, whatever is piped, unless the SHELL is bash, zsh, ksh or ash with `-o pipefail` '
        + '(`/bin/sh -o pipefail` is not trusted) or the script runs `set -o pipefail` first, as DL4006; reported on the command after the first pipe.',
    },
  },
  create(ctx) {
    const hadolint = ctx.settings.preset === 'hadolint';
    return {
      run(run, info) {
        if (run.ins.command?.kind !== 'shell' && run.ins.heredocs.length === 0) return;
        if (hadolint ? hadolintShellSetsPipefail(info.shell) : shellArgvSetsPipefail(info.shell)) return;
        for (const [k, script] of run.scripts.entries()) {
          if (!script.hasPipes) continue;
          let target: ShellCommand | undefined;
          if (hadolint) {
            const piped = script.commands.find((c) => c.joinedBy === '|' || c.joinedBy === '|&');
            if (piped && !pipefailSetBefore(script, piped)) target = piped;
          } else {
            target = hiddenDownloadFailures(script, ctx.source).find((c) => !pipefailSetBefore(script, c));
          }
          if (!target) continue;
          const source = run.scriptSources[k]!;
          const canFix = !info.onbuild && !childShellOf(script, target) && shellTakesPipefail(ctx.model, run, source, info)
            && !(source.form === 'heredoc' && source.text.startsWith('#!') && !source.text.includes('\n'));
          const program = target.name?.value ?? 'the command';
          ctx.report({
            span: { start: target.start, end: target.end },
            message: hadolint
              ? 'A pipe hides the failure of all but its last command: set `-o pipefail` (`set -o pipefail &&` in the RUN, or in a bash SHELL)'
              : `A failed \`${program}\` goes unnoticed before a pipe: the RUN takes the status of the pipe's last command; set \`-o pipefail\` (\`set -o pipefail &&\` in the RUN where sh takes it, or in a bash SHELL) or download to a file first`,
            ...(canFix ? { fix: fix('set -o pipefail at the start of the RUN', 'unsafe', pipefailEdit(source)) } : {}),
          });
          return;
        }
      },
    };
  },
});

/** hadolint trusts `-o pipefail` only on a shell known to take it */
function hadolintShellSetsPipefail(shell: readonly string[]): boolean {
  return PIPEFAIL_SHELLS.test(shell[0] ?? '') && shellArgvSetsPipefail(shell);
}

/** whether the shell that runs this script takes `set -o pipefail` */
function shellTakesPipefail(model: DockerfileModel, run: RunInfo, source: ScriptSource, info: InstructionInfo): boolean {
  // a heredoc script with its own interpreter line
  const interpreter = source.form === 'heredoc' ? interpreterOf(source.text) : undefined;
  const shell = interpreter ?? info.shell[0] ?? '';
  if (PIPEFAIL_SHELLS.test(shell)) return true;
  // `RUN bash <<EOF`: the command line names the shell
  if (source.form === 'heredoc' && interpreter === undefined && PIPEFAIL_SHELLS.test(run.scripts[0]?.commands[0]?.program ?? '')) return true;
  return SH.test(shell) && info.stage !== undefined && shTakesPipefail(model, info.stage) === true;
}

/** `set -o pipefail && ` before the command line; a `set -o pipefail` line at the top of a heredoc script (after `#!`) */
function pipefailEdit(source: ScriptSource) {
  if (source.form === 'heredoc') {
    const firstLine = source.text.startsWith('#!') ? source.text.indexOf('\n') + 1 : 0;
    const eol = /\r\n/.test(source.text) ? '\r\n' : '\n';
    return insertAt(source.toSource(firstLine), `set -o pipefail${eol}`);
  }
  const first = source.text.search(/\S/);
  return insertAt(source.toSource(Math.max(first, 0)), 'set -o pipefail && ');
}
