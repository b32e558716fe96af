import { defineRule } from '../src/linter/rule.ts';
import { checkLabelFormat } from './shared/label-format.ts';

export default defineRule({
  meta: {
    id: 'label-not-email',
    aliases: ['DL3058'],
    severity: 'warning',
    category: 'maintainability',
    docs: {
      summary: 'A label the schema types as `email` must hold an e-mail address',
      description: 'With a `labelSchema` that gives a label the kind `email`, reports a LABEL whose value for it is not an RFC 5322 address (`local-part@domain`).',
      why: 'Contact labels are meant to be mailed; a name alone or a malformed address reaches nobody.',
      bad: 'LABEL maintainer="Jane Doe"',
      good: 'LABEL maintainer="jane.doe@example.com"',
      fixSafety: 'No fix: only you know the right value.',
    },
  },
  create: checkLabelFormat('email', (name) => `Label \`${name}\` is not a valid e-mail address (RFC 5322)`),
});
