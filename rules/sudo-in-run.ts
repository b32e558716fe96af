import { defineRule } from '../src/linter/rule.ts';

export default defineRule({
  meta: {
    id: 'sudo-in-run',
    aliases: ['DL3004'],
    severity: 'error',
    category: 'security',
    docs: {
      summary: 'Do not use sudo in RUN',
      description: 'Reports every `sudo` command in a RUN (command line, heredoc scripts, `sh -c` strings, ONBUILD triggers).',
      why:
        'RUN already runs as the user set by USER, so sudo only adds a setuid binary, a sudoers file to keep right and a TTY/password prompt that can hang or fail the build. '
        + 'Switch with `USER root` for the steps that need it, or use gosu/su-exec in an entrypoint to drop privileges at run time.',
      bad: 'FROM debian:12\nUSER app\nRUN sudo apt-get update\n',
      good: 'FROM debian:12\nUSER root\nRUN apt-get update\nUSER app\n',
      fixSafety: 'No fix: removing sudo is only right when the RUN already runs as root, and the USER of a base image is not known here.',
    },
  },
  create(ctx) {
    return {
      run(run) {
        for (const command of run.commands) {
          if (command.program !== 'sudo') continue;
          ctx.report({ span: command.name!, message: 'Do not use sudo: set USER for the steps that need root, or drop privileges with gosu at run time' });
        }
      },
    };
  },
});
