import { defineRule } from '../src/linter/rule.ts';
import { isValidLabelValue, schemaLabels } from '../src/model/labels.ts';

export default defineRule({
  meta: {
    id: 'label-not-rfc3339',
    aliases: ['DL3053'],
    severity: 'warning',
    category: 'maintainability',
    docs: {
      summary: 'A label the schema types as `rfc3339` must hold an RFC 3339 date-time',
      description: 'With a `labelSchema` that gives a label the kind `rfc3339`, reports a LABEL whose value for it is not an RFC 3339 date-time such as `2024-05-01T12:00:00Z` (date, time and offset are all required).',
      why: 'Build dates are compared and sorted by tools; a free-form date cannot be parsed reliably, and a date without an offset is ambiguous.',
      bad: 'LABEL org.opencontainers.image.created="May 1st 2024"',
      good: 'LABEL org.opencontainers.image.created="2024-05-01T12:00:00Z"',
      fixSafety: 'No fix: only you know the right value.',
    },
  },
  create(ctx) {
    const schema = ctx.settings.labelSchema;
    return {
      LABEL(ins, info) {
        for (const label of schemaLabels(ins.pairs, info.scope, schema)) {
          // an empty value is label-empty's finding; an unknown one cannot be judged
          if (label.kind !== 'rfc3339' || label.value === undefined || label.value === '') continue;
          if (isValidLabelValue('rfc3339', label.value)) continue;
          ctx.report({ span: label.pair.value ?? label.pair, message: `Label \`${label.name}\` is not an RFC 3339 date-time (e.g. 2024-05-01T12:00:00Z)` });
        }
      },
    };
  },
});
