import { defineRule } from '../src/linter/rule.ts';
import { isValidLabelValue, schemaLabels } from '../src/model/labels.ts';

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
  create(ctx) {
    const schema = ctx.settings.labelSchema;
    return {
      LABEL(ins, info) {
        for (const label of schemaLabels(ins.pairs, info.scope, schema)) {
          // an empty value is label-empty's finding; an unknown one cannot be judged
          if (label.kind !== 'semver' || label.value === undefined || label.value === '') continue;
          if (isValidLabelValue('semver', label.value)) continue;
          ctx.report({ span: label.pair.value ?? label.pair, message: `Label \`${label.name}\` is not a semantic version (MAJOR.MINOR.PATCH)` });
        }
      },
    };
  },
});
