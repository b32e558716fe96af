import { defineRule } from '../src/linter/rule.ts';

export default defineRule({
  meta: {
    id: 'instruction-before-from',
    aliases: ['DL3061'],
    severity: 'error',
    category: 'correctness',
    docs: {
      summary: 'Only ARG may come before the first FROM',
      description: 'Reports any instruction other than `ARG` that appears before the first `FROM` (parser directives and comments are fine).',
      why: 'Instructions act on a build stage and there is none before `FROM`: BuildKit rejects the file.',
      bad: 'LABEL org.opencontainers.image.authors="jane@example.com"\nFROM debian:12',
      good: 'FROM debian:12\nLABEL org.opencontainers.image.authors="jane@example.com"',
      fixSafety: 'No fix: moving the instruction into a stage is a choice of stage.',
    },
  },
  create(ctx) {
    return {
      instruction(ins, info) {
        if (info.stage || info.onbuild || ins.keyword === 'ARG' || ins.keyword === 'FROM') return;
        ctx.report({ span: ins.keywordWord, message: `\`${ins.keyword}\` before the first \`FROM\`: only \`ARG\` may come before it` });
      },
    };
  },
});
