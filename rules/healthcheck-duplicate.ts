import { fix, remove } from '../src/fix/edits.ts';
import { defineRule } from '../src/linter/rule.ts';
import type { HealthcheckInstruction } from '../src/parser/ast.ts';
import type { Stage } from '../src/model/index.ts';

export default defineRule({
  meta: {
    id: 'healthcheck-duplicate',
    aliases: ['DL3012'],
    severity: 'error',
    category: 'correctness',
    fixable: 'safe',
    docs: {
      summary: 'A stage should have at most one HEALTHCHECK',
      description: 'Reports each HEALTHCHECK after the first in the same stage (ONBUILD triggers aside: they belong to the child image). In the buildkit preset, `multiple-cmd` reports these as BuildKit\'s MultipleInstructionsDisallowed, on the earlier HEALTHCHECK.',
      why: 'Only the last HEALTHCHECK of a stage takes effect; the earlier ones are dead code that a reader may believe in.',
      bad: 'FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/\nHEALTHCHECK CMD wget -q -O /dev/null http://localhost/\n',
      good: 'FROM nginx:1.27\nHEALTHCHECK CMD wget -q -O /dev/null http://localhost/\n',
      fixSafety: 'Safe: removes the earlier HEALTHCHECK, which the reported one overrides, so the image is the same.',
    },
  },
  create(ctx) {
    const { source } = ctx;
    const previous = new Map<Stage | undefined, HealthcheckInstruction>();
    return {
      HEALTHCHECK(ins, info) {
        if (info.onbuild) return;
        const overridden = previous.get(info.stage);
        previous.set(info.stage, ins);
        if (!overridden) return;
        const lineStart = source.lastIndexOf('\n', overridden.start - 1) + 1;
        const alone = /^[ \t]*$/.test(source.slice(lineStart, overridden.start));
        ctx.report({
          span: ins,
          message: 'This stage already has a HEALTHCHECK: only the last one takes effect',
          ...(alone ? { fix: fix('remove the overridden HEALTHCHECK', 'safe', remove({ start: lineStart, end: overridden.fullEnd })) } : {}),
        });
      },
    };
  },
});
