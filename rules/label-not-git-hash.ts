import { defineRule } from '../src/linter/rule.ts';
import { checkLabelFormat } from './shared/label-format.ts';

export default defineRule({
  meta: {
    id: 'label-not-git-hash',
    aliases: ['DL3055'],
    severity: 'warning',
    category: 'maintainability',
    docs: {
      summary: 'A label the schema types as `hash` must hold a git commit id',
      description: 'With a `labelSchema` that gives a label the kind `hash`, reports a LABEL whose value for it is not a git commit id: 7 to 40 hexadecimal digits (abbreviated or full SHA-1), or 64 (SHA-256 repositories).',
      why: 'The revision label ties an image to the exact source it was built from; a branch name or a typo cannot be resolved to a commit.',
      bad: 'LABEL org.opencontainers.image.revision="main"',
      good: 'LABEL org.opencontainers.image.revision="43c572f1272b6b3171dd1db9e41b7027128ce080"',
      fixSafety: 'No fix: only you know the right value.',
    },
  },
  create: checkLabelFormat('hash', (name) => `Label \`${name}\` is not a git commit id (7 to 40 hexadecimal digits)`),
});
