import { defineRule } from '../src/linter/rule.ts';
import { checkLabelFormat } from './shared/label-format.ts';

export default defineRule({
  meta: {
    id: 'label-not-url',
    aliases: ['DL3052'],
    severity: 'warning',
    category: 'maintainability',
    docs: {
      summary: 'A label the schema types as `url` must hold an absolute URL',
      description: 'With a `labelSchema` that gives a label the kind `url`, reports a LABEL whose value for it is not an absolute URL (scheme and address, e.g. `https://example.com/repo`). Values built from ARGs are checked after substitution; values that depend on an unknown ARG are not judged.',
      why: 'Tools that read image metadata (registries, scanners, `docker inspect` consumers) follow these links; a value that is not a URL breaks them silently.',
      bad: 'LABEL org.opencontainers.image.source="github.com/acme/app"',
      good: 'LABEL org.opencontainers.image.source="https://github.com/acme/app"',
      fixSafety: 'No fix: only you know the right value.',
    },
  },
  create: checkLabelFormat('url', (name) => `Label \`${name}\` is not an absolute URL (scheme://address)`),
});
