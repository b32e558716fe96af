import { defineRule } from '../src/linter/rule.ts';
import { commandName, type ShellCommand } from '../src/model/index.ts';
import type { Stage } from '../src/model/model.ts';

const TOOLS = new Set(['wget', 'curl']);

export default defineRule({
  meta: {
    id: 'wget-and-curl',
    aliases: ['DL4001'],
    severity: 'warning',
    category: 'size',
    docs: {
      summary: 'Use either wget or curl in a stage, not both',
      description: 'Reports a RUN that uses `wget` or `curl` when the other one was already used in the same stage (or in the same RUN). ONBUILD triggers are left out: they run in another image.',
      why: 'Both download files; installing and keeping two tools for the same job makes the image bigger and gives attackers one more program.',
      bad: 'FROM debian:12\nRUN curl -fsSLO https://example.com/a.tar.gz\nRUN wget https://example.com/b.tar.gz',
      good: 'FROM debian:12\nRUN curl -fsSLO https://example.com/a.tar.gz\nRUN curl -fsSLO https://example.com/b.tar.gz',
      fixSafety: 'No fix: the two tools take different options.',
    },
  },
  create(ctx) {
    const usedIn = new Map<Stage, Set<string>>();
    return {
      run(run, info) {
        if (!info.stage || info.onbuild) return;
        const seen = usedIn.get(info.stage) ?? new Set<string>();
        usedIn.set(info.stage, seen);
        // the first command that brings in the second tool
        let mixing: ShellCommand | undefined;
        for (const cmd of run.commands) {
          const tool = commandName(cmd);
          if (tool === undefined || !TOOLS.has(tool)) continue;
          if (!mixing && [...seen].some((t) => t !== tool)) mixing = cmd;
          seen.add(tool);
        }
        if (mixing) ctx.report({ span: { start: mixing.start, end: mixing.end }, message: 'This stage uses both `wget` and `curl`: pick one of them' });
      },
    };
  },
});
