import { defineRule } from '../src/linter/rule.ts';
import type { CopyInstruction } from '../src/parser/ast.ts';
import type { InstructionInfo } from '../src/model/index.ts';
import { copyPath } from '../src/model/paths.ts';

export default defineRule({
  meta: {
    id: 'copy-dest-not-directory',
    aliases: ['DL3021'],
    severity: 'error',
    category: 'correctness',
    docs: {
      summary: 'With several sources, the COPY / ADD destination must end with `/`',
      description: 'Reports a COPY or ADD with more than one source whose destination does not end with `/` (after quotes are removed and ARG / ENV values substituted).',
      why: 'Several files can only go into a directory, and the builder insists that the destination says so: the build stops with an error at this instruction.',
      bad: 'FROM debian:bookworm\nCOPY package.json package-lock.json /app',
      good: 'FROM debian:bookworm\nCOPY package.json package-lock.json /app/',
      fixSafety: 'No fix: check that the destination is meant to be a directory, then add the `/`.',
    },
  },
  create(ctx) {
    const check = (ins: CopyInstruction, info: InstructionInfo) => {
      const dest = ins.destination;
      if (!dest || ins.sources.length < 2) return;
      const path = copyPath(dest, ins, info.scope);
      if (path === undefined || path.endsWith('/') || path.endsWith('\\')) return;
      ctx.report({ span: dest, message: `${ins.keyword} with more than one source needs a directory destination ending with \`/\`: \`${path}/\`` });
    };
    return { COPY: check, ADD: check };
  },
});
