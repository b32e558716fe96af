import { defineRule } from '../src/linter/rule.ts';
import { checkLabelFormat } from './shared/label-format.ts';

export default defineRule({
  meta: {
    id: 'label-not-spdx',
    aliases: ['DL3054'],
    severity: 'warning',
    category: 'maintainability',
    docs: {
      summary: 'A label the schema types as `spdx` must hold an SPDX license expression',
      description: 'With a `labelSchema` that gives a label the kind `spdx`, reports a LABEL whose value for it is not an SPDX license identifier or expression (`MIT`, `Apache-2.0`, `GPL-2.0-or-later WITH Classpath-exception-2.0`, `MIT OR Apache-2.0`, `LicenseRef-...`).',
      why: 'License scanners and SBOM tools match the label against the SPDX list; a name such as "Apache 2" is not recognised and the image looks unlicensed.',
      bad: 'LABEL org.opencontainers.image.licenses="Apache 2"',
      good: 'LABEL org.opencontainers.image.licenses="Apache-2.0"',
      fixSafety: 'No fix: only you know the right value.',
    },
  },
  create: checkLabelFormat('spdx', (name) => `Label \`${name}\` is not an SPDX license identifier or expression`),
});
