import { fix, replace } from '../src/fix/edits.ts';
import { defineRule } from '../src/linter/rule.ts';

export default defineRule({
  meta: {
    id: 'maintainer-deprecated',
    aliases: ['DL4000', 'MaintainerDeprecated'],
    severity: 'error',
    category: 'maintainability',
    fixable: 'safe',
    docs: {
      summary: 'MAINTAINER is deprecated: use a LABEL',
      description: 'Reports the `MAINTAINER` instruction.',
      why: 'Docker deprecated `MAINTAINER`; the OCI label `org.opencontainers.image.authors` is where tools look for the author.',
      bad: 'FROM debian:12\nMAINTAINER Jane Doe <jane@example.com>',
      good: 'FROM debian:12\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"',
      fixSafety: 'Safe: rewrites the instruction as `LABEL org.opencontainers.image.authors="..."` with the same text (quoted, `$` not expanded). Not offered before the first FROM, in ONBUILD, or when comments sit inside the instruction.',
    },
  },
  create(ctx) {
    const escape = ctx.df.escape;
    const quote = (text: string) => `"${text.replace(/["$]|\\|`/g, (c) => (c === escape || c === '"' || c === '$' ? `${escape}${c}` : c))}"`;
    return {
      MAINTAINER(ins, info) {
        const author = ins.argument?.value;
        const keyword = ins.keywordWord.raw === ins.keywordWord.raw.toLowerCase() ? 'label' : 'LABEL';
        const fixable = author !== undefined && info.stage !== undefined && !info.onbuild && ins.comments.length === 0 && ins.heredocs.length === 0;
        ctx.report({
          span: ins.keywordWord,
          message: ctx.settings.preset === 'buildkit'
            ? 'Maintainer instruction is deprecated in favor of using label'
            : 'MAINTAINER is deprecated: set the `org.opencontainers.image.authors` label instead',
          ...(fixable ? { fix: fix('replace MAINTAINER with LABEL org.opencontainers.image.authors', 'safe', replace(ins, `${keyword} org.opencontainers.image.authors=${quote(author)}`)) } : {}),
        });
      },
    };
  },
});
