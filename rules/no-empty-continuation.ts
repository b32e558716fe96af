import { fix, remove } from '../src/fix/edits.ts';
import { defineRule } from '../src/linter/rule.ts';
import type { TokenKind } from '../src/parser/ast.ts';
import { nodeTokens } from '../src/parser/tokens.ts';

/** tokens after the instruction's last line of its own */
const SKIPPED = new Set<TokenKind>(['newline', 'whitespace', 'heredoc-body', 'heredoc-terminator']);

export default defineRule({
  meta: {
    id: 'no-empty-continuation',
    aliases: ['NoEmptyContinuation'],
    severity: 'warning',
    category: 'syntax',
    fixable: 'safe',
    docs: {
      summary: 'An empty line inside a continued instruction',
      description: 'Reports an instruction continued with `\\` across a blank line, once, on its last line (where BuildKit reports it). BuildKit skips the blank line today and warns that it will become an error.',
      why: 'A blank line looks like the end of the instruction, but the instruction goes on: the next lines are easy to misread as a new instruction, and a future BuildKit will reject the file.',
      bad: 'FROM alpine\nRUN apk add \\\n\n    curl\n',
      good: 'FROM alpine\nRUN apk add \\\n    curl\n',
      fixSafety: 'Safe: removes the blank line, which BuildKit already ignores.',
    },
  },
  create(ctx) {
    const { source } = ctx;
    return {
      end() {
        const empty = ctx.df.warnings.filter((w) => w.message === 'Empty continuation line found');
        let next = 0;
        for (const ins of ctx.df.instructions) {
          const lines = [];
          while (next < empty.length && empty[next]!.start < ins.fullEnd) {
            const w = empty[next++]!;
            if (w.start >= ins.start) lines.push(w);
          }
          if (lines.length === 0) continue;
          // BuildKit warns once, on the last line of the continued instruction (heredoc bodies aside)
          const last = nodeTokens(ctx.df, ins).findLast((t) => !SKIPPED.has(t.kind));
          const at = last?.start ?? ins.start;
          const lineStart = source.lastIndexOf('\n', at - 1) + 1;
          const newline = source.indexOf('\n', at);
          const lineEnd = newline === -1 ? source.length : newline - (source[newline - 1] === '\r' ? 1 : 0);
          ctx.report({
            span: { start: lineStart, end: lineEnd },
            message: ctx.settings.preset === 'buildkit' ? 'Empty continuation line' : 'Empty continuation line in this instruction: remove it (a future BuildKit will reject it)',
            fix: fix(lines.length === 1 ? 'remove the empty line' : 'remove the empty lines', 'safe', ...lines.map((w) => remove(w))),
          });
        }
      },
    };
  },
});
