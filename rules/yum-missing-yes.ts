import { fix, insertAt } from '../src/fix/edits.ts';
import { defineRule } from '../src/linter/rule.ts';
import { hasFlag } from '../src/model/index.ts';
import { systemPackageCommands } from '../src/model/system-packages.ts';

export default defineRule({
  meta: {
    id: 'yum-missing-yes',
    aliases: ['DL3030'],
    severity: 'warning',
    category: 'correctness',
    fixable: 'safe',
    docs: {
      summary: 'yum commands that change packages need `-y` in a build',
      description: 'Reports `yum install` (and `update`, `remove`, `groupinstall`, ... any yum subcommand that asks for confirmation) without `-y` / `--assumeyes`.',
      why: 'A build has no terminal to answer yum\'s "Is this ok [y/N]" prompt: yum reads end-of-input, treats it as "no", and the step fails.',
      bad: 'FROM centos:7\nRUN yum install httpd-2.4.6 && yum clean all',
      good: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all',
      fixSafety: 'Safe: adds `-y` after the subcommand. Without it the command could only have failed at the prompt.',
    },
  },
  create(ctx) {
    return {
      run(run) {
        for (const spc of systemPackageCommands(run)) {
          if (spc.manager !== 'yum' || hasFlag(spc.command, 'y', 'assumeyes')) continue;
          const sub = spc.subcommand[spc.subcommand.length - 1]!;
          ctx.report({
            span: spc.command,
            message: `\`yum ${spc.subcommand.map((w) => w.text).join(' ')}\` without \`-y\` waits for a confirmation no one can give during a build`,
            ...(run.editable ? { fix: fix('add -y', 'safe', insertAt(sub.end, ' -y')) } : {}),
          });
        }
      },
    };
  },
});
