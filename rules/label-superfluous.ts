import { defineRule } from '../src/linter/rule.ts';
import { labelKey } from '../src/model/labels.ts';

export default defineRule({
  meta: {
    id: 'label-superfluous',
    aliases: ['DL3050'],
    severity: 'info',
    category: 'maintainability',
    docs: {
      summary: 'With strict labels, only the labels of the schema are allowed',
      description: 'When `strictLabels` is on, reports every LABEL key that the `labelSchema` does not list.',
      why: 'A strict schema keeps image metadata uniform across a fleet; stray keys (typos such as `maintaner`, or ad-hoc names) escape the tools that read the schema.',
      bad: '# labelSchema: { maintainer: email }, strictLabels: true\nLABEL maintainer="jane@example.com" owner="jane"',
      good: '# labelSchema: { maintainer: email }, strictLabels: true\nLABEL maintainer="jane@example.com"',
      fixSafety: 'No fix: the label may be a typo of a schema key or extra data you need to move elsewhere.',
    },
  },
  create(ctx) {
    const { labelSchema, strictLabels } = ctx.settings;
    if (!strictLabels) return {};
    return {
      LABEL(ins, info) {
        for (const pair of ins.pairs) {
          const name = labelKey(pair, info.scope);
          if (Object.hasOwn(labelSchema, name)) continue;
          ctx.report({ span: pair.key, message: `Label \`${name}\` is not in the label schema (strict labels)` });
        }
      },
    };
  },
});
