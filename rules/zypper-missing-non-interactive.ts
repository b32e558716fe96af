import { fix, insertAt } from '../src/fix/edits.ts';
import { defineRule } from '../src/linter/rule.ts';
import { hasFlag } from '../src/model/index.ts';
import { systemPackageCommands } from '../src/model/system-packages.ts';

export default defineRule({
  meta: {
    id: 'zypper-missing-non-interactive',
    aliases: ['DL3034'],
    severity: 'warning',
    category: 'correctness',
    fixable: 'safe',
    docs: {
      summary: 'zypper commands that change packages need `-n` (or `-y`) in a build',
      description: 'Reports `zypper install` (and `remove`, `update`, `patch`, `dup`, `source-install`, ...) without the global `-n` / `--non-interactive` or the subcommand\'s `-y` / `--no-confirm`.',
      why: 'zypper stops to ask before changing packages; a build cannot answer, so the step fails or hangs.',
      bad: 'FROM opensuse/leap:15.6\nRUN zypper install httpd=2.4.58 && zypper clean',
      good: 'FROM opensuse/leap:15.6\nRUN zypper -n install httpd=2.4.58 && zypper clean',
      fixSafety: 'Safe: adds the global `-n` after `zypper`. Without it the command could only have failed at the prompt.',
    },
  },
  create(ctx) {
    return {
      run(run) {
        for (const spc of systemPackageCommands(run)) {
          if (spc.manager !== 'zypper' || hasFlag(spc.command, 'n', 'non-interactive', 'y', 'no-confirm')) continue;
          ctx.report({
            span: spc.command,
            message: `\`zypper ${spc.subcommand.map((w) => w.text).join(' ')}\` without \`-n\` / \`-y\` stops at a prompt no one can answer during a build`,
            ...(run.editable ? { fix: fix('add -n', 'safe', insertAt(spc.program.end, ' -n')) } : {}),
          });
        }
      },
    };
  },
});
