import { fix, replace } from '../src/fix/edits.ts';
import { defineRule } from '../src/linter/rule.ts';
import type { KeyValueInstruction } from '../src/parser/ast.ts';

export default defineRule({
  meta: {
    id: 'legacy-key-value-format',
    aliases: ['LegacyKeyValueFormat'],
    severity: 'warning',
    category: 'maintainability',
    fixable: 'safe',
    docs: {
      summary: 'Use `ENV key=value`, not the legacy `ENV key value`',
      description: 'Reports ENV and LABEL instructions written in the legacy form, where the first space separates the key from a value that runs to the end of the line.',
      why: 'The legacy form holds one pair and reads ambiguously: `ENV A B C` sets A to `B C`, not three variables. The `key=value` form is explicit, allows several pairs, and is the only one documented going forward.',
      bad: 'FROM alpine\nENV VERSION 1.2\nLABEL maintainer Jane\n',
      good: 'FROM alpine\nENV VERSION=1.2\nLABEL maintainer=Jane\n',
      fixSafety: 'Safe: rewrites `KEY value` as `KEY="value"`, which BuildKit reads as the same value. Offered only when the value has no quotes or escape characters (their meaning changes inside double quotes) and sits on the key\'s line.',
      presets: 'Not in `recommended`: the legacy form means the same to every builder, and the Docker official images use it in four files of five, so it would be most of what the default reports there, with nothing to gain but style. In `buildkit` and `all`; `--fix` rewrites it wherever it is turned on.',
    },
  },
  create(ctx) {
    const check = (ins: KeyValueInstruction) => {
      for (const pair of ins.pairs) {
        if (pair.separator !== '' || !pair.value) continue;
        const value = pair.value;
        const gap = ctx.source.slice(pair.key.end, value.start);
        const plain = !/["'`\\]/.test(value.raw) && !value.raw.includes(ctx.df.escape);
        const inPlace = /^[ \t]+$/.test(gap) && value.end - value.start === value.raw.length;
        ctx.report({
          span: { start: ins.keywordWord.start, end: pair.end },
          message: ctx.settings.preset === 'buildkit'
            ? `"${ins.keywordWord.raw} key=value" should be used instead of legacy "${ins.keywordWord.raw} key value" format`
            : `Use '${ins.keyword} ${pair.key.value}=<value>' instead of the legacy '${ins.keyword} ${pair.key.value} <value>' form`,
          ...(plain && inPlace
            ? { fix: fix(`write ${pair.key.value}="..."`, 'safe', replace({ start: pair.key.end, end: value.end }, `="${value.raw}"`)) }
            : {}),
        });
      }
    };
    return { ENV: check, LABEL: check };
  },
});
