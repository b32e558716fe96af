import { fix, insertAt } from '../src/fix/edits.ts';
import { defineRule } from '../src/linter/rule.ts';
import { hasFlag } from '../src/model/index.ts';
import { systemPackageCommands } from '../src/model/system-packages.ts';

export default defineRule({
  meta: {
    id: 'dnf-missing-yes',
    aliases: ['DL3038'],
    severity: 'warning',
    category: 'correctness',
    fixable: 'safe',
    docs: {
      summary: 'dnf commands that change packages need `-y` in a build',
      description: 'Reports `dnf install` (and `upgrade`, `remove`, `reinstall`, `module install`, ... any subcommand that asks for confirmation) without `-y` / `--assumeyes`. `microdnf` never asks (its `-y` is accepted and does nothing), so it is not reported.',
      why: 'There is no terminal during a build: dnf cannot get its "Is this ok [y/N]" answer and aborts the step.',
      bad: 'FROM fedora:41\nRUN dnf install httpd-2.4.62 && dnf clean all',
      good: 'FROM fedora:41\nRUN dnf install -y httpd-2.4.62 && dnf clean all',
      fixSafety: 'Safe: adds `-y` after the subcommand. Without it the command could only have failed at the prompt.',
      presets: 'hadolint: DL3038\'s semantics, which report `microdnf` too.',
    },
  },
  create(ctx) {
    // microdnf always assumes yes; hadolint reports it all the same
    const managers = ctx.settings.preset === 'hadolint' ? ['dnf', 'microdnf'] : ['dnf'];
    return {
      run(run) {
        for (const spc of systemPackageCommands(run)) {
          if (!managers.includes(spc.manager) || hasFlag(spc.command, 'y', 'assumeyes')) continue;
          const sub = spc.subcommand[spc.subcommand.length - 1]!;
          ctx.report({
            span: spc.command,
            message: `\`${spc.program.text} ${spc.subcommand.map((w) => w.text).join(' ')}\` without \`-y\` waits for a confirmation no one can give during a build`,
            ...(run.editable ? { fix: fix('add -y', 'safe', insertAt(sub.end, ' -y')) } : {}),
          });
        }
      },
    };
  },
});
