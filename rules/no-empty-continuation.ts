import { fix, remove } from '../src/fix/edits.ts';
import { defineRule } from '../src/linter/rule.ts';

export default defineRule({
  meta: {
    id: 'no-empty-continuation',
    aliases: ['NoEmptyContinuation'],
    severity: 'warning',
    category: 'syntax',
    fixable: 'safe',
    docs: {
      summary: 'An empty line inside a continued instruction',
      description: 'Reports a blank line between the lines of an instruction continued with `\\`. BuildKit skips it today and warns that it will become an error.',
      why: 'A blank line looks like the end of the instruction, but the instruction goes on: the next lines are easy to misread as a new instruction, and a future BuildKit will reject the file.',
      bad: 'FROM alpine\nRUN apk add \\\n\n    curl\n',
      good: 'FROM alpine\nRUN apk add \\\n    curl\n',
      fixSafety: 'Safe: removes the blank line, which BuildKit already ignores.',
    },
  },
  create(ctx) {
    return {
      end() {
        for (const w of ctx.df.warnings) {
          if (w.message !== 'Empty continuation line found') continue;
          ctx.report({
            span: w,
            message: 'Empty continuation line: remove it (a future BuildKit will reject it)',
            fix: fix('remove the empty line', 'safe', remove(w)),
          });
        }
      },
    };
  },
});
