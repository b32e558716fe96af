import { defineRule } from '../src/linter/rule.ts';
import { commandName } from '../src/model/index.ts';

/** interactive tools, and commands that manage a machine or its services, not an image being built */
const IRRELEVANT = new Set(['ssh', 'vim', 'shutdown', 'service', 'ps', 'free', 'top', 'kill', 'mount', 'ifconfig']);

export default defineRule({
  meta: {
    id: 'container-irrelevant-command',
    aliases: ['DL3001'],
    severity: 'info',
    category: 'maintainability',
    docs: {
      summary: 'Avoid commands that make no sense in an image build',
      description: 'Reports RUN commands such as `ssh`, `vim`, `shutdown`, `service`, `ps`, `free`, `top`, `kill`, `mount` and `ifconfig` (after stripping wrappers like `sudo`). Installing such a package is not reported.',
      why: 'A build step has no terminal, no init system and no running services: these commands hang, fail, or act on the short-lived build container and leave nothing useful in the image.',
      bad: 'FROM debian:12\nRUN service nginx start\n',
      good: 'FROM debian:12\nCMD ["nginx", "-g", "daemon off;"]\n',
      fixSafety: 'No fix: what the step meant to achieve has to be rewritten by hand.',
    },
  },
  create(ctx) {
    return {
      run(run) {
        for (const command of run.commands) {
          const name = commandName(command);
          if (name === undefined || !IRRELEVANT.has(name)) continue;
          ctx.report({ span: command, message: `\`${name}\` has no use in an image build: it needs a running system or a terminal` });
        }
      },
    };
  },
});
