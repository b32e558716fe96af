import { fix, insertAt } from '../src/fix/edits.ts';
import { defineRule } from '../src/linter/rule.ts';
import { hasFlag, subcommandWords, unwrap, type ShellCommand } from '../src/model/index.ts';

export default defineRule({
  meta: {
    id: 'apt-assume-yes',
    aliases: ['DL3014'],
    severity: 'warning',
    category: 'correctness',
    fixable: 'safe',
    docs: {
      summary: 'Use `-y` with `apt-get install`',
      description: 'Reports `apt-get install` / `apt install` without `-y` (`--yes`, `--assume-yes`, `-o APT::Get::Assume-Yes=true`) or quiet level 2 (`-qq`, `-q -q`, `-q=2`), which also answers yes. A simulation (`-s`, `--dry-run`) never asks and is not reported.',
      why: 'A build has no terminal: when apt asks whether to continue it reads end-of-file, aborts, and the build fails, often only once the package list grows enough to need confirmation.',
      bad: 'FROM debian:12\nRUN apt-get update && apt-get install curl\n',
      good: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
      fixSafety: 'Safe: adds `-y` after `install`; a build that succeeded never reached the prompt, so it builds the same.',
    },
  },
  create(ctx) {
    return {
      run(run) {
        for (const install of run.installs) {
          if (install.manager !== 'apt-get' && install.manager !== 'apt') continue;
          const cmd = install.command;
          if (assumesYes(cmd)) continue;
          const sub = subcommandWords(cmd, install.manager, 1)[0];
          ctx.report({
            span: cmd,
            message: `\`${install.manager} install\` without \`-y\` stops at the confirmation prompt: add \`-y\``,
            ...(sub && run.editable ? { fix: fix('add -y', 'safe', insertAt(sub.end, ' -y')) } : {}),
          });
        }
      },
    };
  },
});

/** `-y` and its equivalents, or a simulation (`-s`, `--dry-run`), which never asks */
function assumesYes(cmd: ShellCommand): boolean {
  if (hasFlag(cmd, 'y', 'yes', 'assume-yes', 's', 'simulate', 'just-print', 'dry-run', 'recon', 'no-act')) return true;
  let quiet = 0;
  for (const word of unwrap(cmd).args) {
    const a = word.value ?? word.text;
    if (a === '--') break;
    if (/^APT::Get::Assume-Yes=(true|yes|1)$/i.test(a)) return true;
    const level = /^(?:-q|--quiet)=(\d+)$/.exec(a);
    if (level) quiet += Number(level[1]);
    else if (a === '--quiet') quiet++;
    else if (/^-[A-Za-z]+$/.test(a)) quiet += a.split('q').length - 1;
  }
  return quiet >= 2;
}
