import { defineRule } from '../src/linter/rule.ts';
import { checkLabelFormat } from './shared/label-format.ts';

export default defineRule({
  meta: {
    id: 'label-not-semver',
    aliases: ['DL3056'],
    severity: 'warning',
    category: 'maintainability',
    docs: {
      summary: 'A label the schema types as `semver` must hold a semantic version',
      description: 'With a `labelSchema` that gives a label the kind `semver`, reports a LABEL whose value for it is not a semantic version (`MAJOR.MINOR.PATCH`, with optional `-prerelease` and `+build`), as semver.org defines it.',
      why: 'Version labels are compared by tools; `v1.2` or `latest` cannot be ordered.',
      bad: 'LABEL org.opencontainers.image.version="v1.2"',
      good: 'LABEL org.opencontainers.image.version="1.2.0"',
      fixSafety: 'No fix: only you know the right value.',
    },
  },
  create: checkLabelFormat('semver', (name) => `Label \`${name}\` is not a semantic version (MAJOR.MINOR.PATCH)`),
});
