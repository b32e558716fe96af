import { defineRule } from '../src/linter/rule.ts';

const NOT_TRIGGERS = new Set(['ONBUILD', 'FROM', 'MAINTAINER']);

export default defineRule({
  meta: {
    id: 'onbuild-invalid-trigger',
    aliases: ['DL3043'],
    severity: 'error',
    category: 'correctness',
    docs: {
      summary: 'ONBUILD cannot trigger ONBUILD, FROM or MAINTAINER',
      description: 'Reports `ONBUILD ONBUILD ...`, `ONBUILD FROM ...` and `ONBUILD MAINTAINER ...`.',
      why: 'The builder refuses these triggers: chaining ONBUILD is not allowed, a trigger cannot start a new stage, and MAINTAINER is not allowed as a trigger. The build fails.',
      bad: 'FROM debian:bookworm\nONBUILD FROM alpine:3.20',
      good: 'FROM debian:bookworm\nONBUILD COPY . /app',
      fixSafety: 'No fix: what the trigger was meant to do cannot be guessed.',
    },
  },
  create(ctx) {
    return {
      instruction(ins, info) {
        if (!info.onbuild || !NOT_TRIGGERS.has(ins.keyword)) return;
        ctx.report({ span: ins.keywordWord, message: `\`${ins.keyword}\` cannot be an ONBUILD trigger` });
      },
    };
  },
});
