import { fix, replace } from '../src/fix/edits.ts';
import { defineRule } from '../src/linter/rule.ts';

export default defineRule({
  meta: {
    id: 'from-as-casing',
    aliases: ['FromAsCasing'],
    severity: 'warning',
    category: 'style',
    fixable: 'safe',
    docs: {
      summary: 'The AS keyword should have the same case as FROM',
      description: 'Reports `FROM image as name` (upper-case FROM, lower-case as) and `from image AS name`. A mixed-case keyword such as `From` is left to consistent-instruction-casing.',
      why: 'Keywords in one case read as keywords; a lone lower-case `as` among upper-case instructions is easy to miss or mistake for an argument.',
      bad: 'FROM debian:12 as build\n',
      good: 'FROM debian:12 AS build\n',
      fixSafety: 'Safe: changes only the case of the AS keyword, which BuildKit reads case-insensitively.',
    },
  },
  create(ctx) {
    return {
      FROM(ins) {
        const as = ins.asKeyword;
        if (!as || !ins.stageName) return;
        const keyword = ins.keywordWord.raw;
        const lower = keyword === keyword.toLowerCase();
        const upper = keyword === keyword.toUpperCase();
        if (!lower && !upper) return;
        const wanted = lower ? as.raw.toLowerCase() : as.raw.toUpperCase();
        if (as.raw === wanted) return;
        ctx.report({
          span: as,
          message: `'${as.raw}' and '${keyword}' keywords' casing do not match${ctx.settings.preset === 'buildkit' ? '' : `: write '${wanted}'`}`,
          fix: fix(`write '${wanted}'`, 'safe', replace(as, wanted)),
        });
      },
    };
  },
});
