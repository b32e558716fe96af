import { fix, insertAt } from '../src/fix/edits.ts';
import { defineRule } from '../src/linter/rule.ts';
import { hasFlag } from '../src/model/index.ts';

export default defineRule({
  meta: {
    id: 'apt-no-install-recommends',
    aliases: ['DL3015'],
    severity: 'info',
    category: 'size',
    fixable: 'safe',
    docs: {
      summary: 'Avoid additional packages by specifying `--no-install-recommends`',
      description: 'Reports `apt-get install` without `--no-install-recommends` (or `-o APT::Install-Recommends=false`).',
      why: 'APT installs "recommended" packages by default: often tens of megabytes the image never uses.',
      bad: 'RUN apt-get update && apt-get install -y curl',
      good: 'RUN apt-get update && apt-get install -y --no-install-recommends curl',
      fixSafety: 'Safe: adds `--no-install-recommends` after `install`. A program that relied on a recommended package would need it listed explicitly, which is the point of the rule.',
    },
  },
  create(ctx) {
    return {
      run(run) {
        for (const install of run.installs) {
          if (install.manager !== 'apt-get' && install.manager !== 'apt') continue;
          const cmd = install.command;
          if (hasFlag(cmd, 'no-install-recommends')) continue;
          if (cmd.args.some((a) => /APT::Install-Recommends=(false|0|no)/i.test(a.value ?? a.text))) continue;
          const sub = cmd.args.find((a) => a.value === 'install');
          const at = sub ?? cmd.name ?? cmd;
          ctx.report({
            span: { start: cmd.start, end: cmd.end },
            message: 'Avoid additional packages by specifying `--no-install-recommends`',
            ...(sub && run.editable ? { fix: fix('add --no-install-recommends', 'safe', insertAt(at.end, ' --no-install-recommends')) } : {}),
          });
        }
      },
    };
  },
});
