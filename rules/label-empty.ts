import { defineRule } from '../src/linter/rule.ts';
import { schemaLabels } from '../src/model/labels.ts';

export default defineRule({
  meta: {
    id: 'label-empty',
    aliases: ['DL3051'],
    severity: 'warning',
    category: 'maintainability',
    docs: {
      summary: 'A label the schema requires must not be empty',
      description: 'With a `labelSchema`, reports a LABEL that sets one of the schema\'s labels to the empty string (after ARG substitution).',
      why: 'An empty required label satisfies a presence check while carrying no information: the metadata the schema asks for is still missing.',
      bad: 'LABEL org.opencontainers.image.title=""',
      good: 'LABEL org.opencontainers.image.title="billing-api"',
      fixSafety: 'No fix: only you know the right value.',
    },
  },
  create(ctx) {
    const schema = ctx.settings.labelSchema;
    return {
      LABEL(ins, info) {
        for (const label of schemaLabels(ins.pairs, info.scope, schema)) {
          if (label.value !== '') continue;
          ctx.report({ span: label.pair, message: `Label \`${label.name}\` is empty` });
        }
      },
    };
  },
});
