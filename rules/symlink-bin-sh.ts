import { defineRule } from '../src/linter/rule.ts';
import { commandName, positionalArgs } from '../src/model/index.ts';

export default defineRule({
  meta: {
    id: 'symlink-bin-sh',
    aliases: ['DL4005'],
    severity: 'warning',
    category: 'correctness',
    docs: {
      summary: 'Use SHELL instead of replacing /bin/sh with a symlink',
      description: 'Reports `ln` commands whose link name is `/bin/sh` (e.g. `ln -sf /bin/bash /bin/sh`).',
      why: 'Replacing /bin/sh changes the shell of every program in the image that runs `sh`, not only of the Dockerfile; `SHELL ["/bin/bash", "-c"]` changes the shell of the following RUN instructions and nothing else.',
      bad: 'FROM debian:12\nRUN ln -sf /bin/bash /bin/sh',
      good: 'FROM debian:12\nSHELL ["/bin/bash", "-c"]',
      fixSafety: 'No fix: programs in the image may rely on the replaced /bin/sh.',
    },
  },
  create(ctx) {
    return {
      run(run) {
        for (const cmd of run.commands) {
          if (commandName(cmd) !== 'ln') continue;
          const operands = positionalArgs(cmd, { flagsWithValue: ['S', 'suffix', 't', 'target-directory'] });
          const link = operands[operands.length - 1];
          if (operands.length < 2 || link?.value !== '/bin/sh') continue;
          ctx.report({ span: { start: cmd.start, end: cmd.end }, message: 'Do not replace /bin/sh with a symlink: use the SHELL instruction to change the shell of RUN' });
        }
      },
    };
  },
});
