import { defineRule } from '../src/linter/rule.ts';
import { closestName, undefinedReferences } from '../src/model/variables.ts';

export default defineRule({
  meta: {
    id: 'undefined-arg-in-from',
    aliases: ['UndefinedArgInFrom'],
    severity: 'warning',
    category: 'correctness',
    docs: {
      summary: 'FROM uses a build argument no ARG before the first FROM declares',
      description: 'FROM lines (image and `--platform`) see only the ARGs declared before the first FROM, plus BuildKit\'s platform ARGs. Reports any other `$NAME` there, and suggests the closest declared name (a misspelt `BUILDPLATFORM` is the classic).',
      why: 'An undeclared ARG expands to an empty string: `FROM node:22${VARIANT}` quietly builds on `node:22`, and `--build-arg VARIANT=...` has no effect.',
      bad: 'FROM node:22${VARIANT} AS build\n',
      good: 'ARG VARIANT=-alpine3.20\nFROM node:22${VARIANT} AS build\n',
      fixSafety: 'No fix: declaring the ARG needs a default only you know.',
    },
  },
  create(ctx) {
    return {
      FROM(ins, info) {
        const words = [...ins.flags.filter((f) => f.name === 'platform' && f.value !== undefined && f.valueSpan).map((f) => ({ raw: f.value!, span: f.valueSpan! }))];
        if (ins.image) words.push({ raw: ins.image.raw, span: { start: ins.image.start, end: ins.image.end } });
        for (const word of words) {
          for (const ref of undefinedReferences(info.scope, word)) {
            const suggestion = closestName(ref.name, info.scope.vars.keys());
            ctx.report({
              span: ref.span,
              message: ctx.settings.preset === 'buildkit'
                ? `FROM argument '${ref.name}' is not declared${suggestion ? ` (did you mean ${suggestion}?)` : ''}`
                : `FROM uses ARG '${ref.name}', which is not declared before the first FROM${suggestion ? ` (did you mean ${suggestion}?)` : ''}`,
            });
          }
        }
      },
    };
  },
});
