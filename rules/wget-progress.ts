import { defineRule } from '../src/linter/rule.ts';
import { commandName, hasFlag } from '../src/model/index.ts';

export default defineRule({
  meta: {
    id: 'wget-progress',
    aliases: ['DL3047'],
    severity: 'info',
    category: 'style',
    docs: {
      summary: '`wget` should not print its default progress bar in a build',
      description: 'Reports `wget` without `--progress=...`, `-q`/`--quiet`, `-nv`/`--no-verbose`, or a log file (`-o`/`--output-file`, `-a`/`--append-output`).',
      why: 'Without a terminal, wget\'s default progress output is one line per few kilobytes: a large download floods the build log with thousands of lines.',
      bad: 'RUN wget https://example.com/big.tar.gz',
      good: 'RUN wget --progress=dot:giga https://example.com/big.tar.gz',
      fixSafety: 'No fix: whether to keep some progress (`--progress=dot:giga`) or none (`-q`) is your choice.',
    },
  },
  create(ctx) {
    return {
      run(run) {
        for (const cmd of run.commands) {
          if (commandName(cmd) !== 'wget') continue;
          if (hasFlag(cmd, 'progress', 'q', 'quiet', 'no-verbose', 'o', 'output-file', 'a', 'append-output')) continue;
          if (cmd.args.some((a) => a.value === '-nv')) continue;
          ctx.report({ span: { start: cmd.start, end: cmd.end }, message: '`wget` prints a progress line every few kilobytes in a build log: add `--progress=dot:giga` or `-nv`' });
        }
      },
    };
  },
});
