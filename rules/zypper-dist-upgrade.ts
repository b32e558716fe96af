import { defineRule } from '../src/linter/rule.ts';
import { systemPackageCommands } from '../src/model/system-packages.ts';

export default defineRule({
  meta: {
    id: 'zypper-dist-upgrade',
    aliases: ['DL3035'],
    severity: 'warning',
    category: 'correctness',
    docs: {
      summary: 'Avoid `zypper dist-upgrade` in a Dockerfile',
      description: 'Reports `zypper dist-upgrade` and its short form `zypper dup`.',
      why: 'A distribution upgrade swaps the base image\'s system underneath it: the result depends on the day of the build and can differ from what the base image\'s tag promises. Move to a newer base image instead, or update only the packages you need.',
      bad: 'FROM opensuse/leap:15.5\nRUN zypper -n dup',
      good: 'FROM opensuse/leap:15.6',
      fixSafety: 'No fix: the right replacement (a newer base image, or specific packages) is your choice.',
    },
  },
  create(ctx) {
    return {
      run(run) {
        for (const spc of systemPackageCommands(run)) {
          if (spc.manager !== 'zypper' || spc.action !== 'dist-upgrade') continue;
          ctx.report({ span: spc.command, message: '`zypper dist-upgrade` upgrades the whole distribution inside the image: use a newer base image instead' });
        }
      },
    };
  },
});
