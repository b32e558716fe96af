import { defineRule } from '../src/linter/rule.ts';
import { checkLabelFormat } from './shared/label-format.ts';

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
  create: checkLabelFormat('rfc3339', (name) => `Label \`${name}\` is not an RFC 3339 date-time (e.g. 2024-05-01T12:00:00Z)`),
});
