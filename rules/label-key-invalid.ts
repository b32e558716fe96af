import { defineRule } from '../src/linter/rule.ts';
import { labelKey } from '../src/model/labels.ts';

/** namespaces Docker keeps for its own use */
const RESERVED_NAMESPACES = ['com.docker.', 'io.docker.', 'org.dockerproject.'];

/** why a key breaks Docker's key format recommendations, or undefined when it follows them */
function keyProblem(key: string): string | undefined {
  const reserved = RESERVED_NAMESPACES.find((ns) => key.startsWith(ns));
  if (reserved) return `uses the reserved namespace \`${reserved.slice(0, -1)}\``;
  if (!/^[a-z0-9.-]*$/.test(key)) return 'may contain only lower-case letters, digits, `.` and `-`';
  if (!/^[a-z]/.test(key)) return 'must start with a lower-case letter';
  if (!/[a-z0-9]$/.test(key)) return 'must end with a lower-case letter or digit';
  if (/[.-]{2}/.test(key)) return 'must not have two separators (`.`, `-`) in a row';
  return undefined;
}

export default defineRule({
  meta: {
    id: 'label-key-invalid',
    aliases: ['DL3048'],
    severity: 'style',
    category: 'style',
    docs: {
      summary: 'Label keys should follow Docker\'s key format',
      description: 'Reports LABEL keys that break Docker\'s recommendations: keys start with a lower-case letter, end with a lower-case letter or digit, contain only lower-case letters, digits, `.` and `-`, never two separators in a row, and do not use the reserved namespaces `com.docker.*`, `io.docker.*` and `org.dockerproject.*`.',
      why: 'Uniform keys (best in reverse-DNS form, e.g. `org.opencontainers.image.version`) do not collide with other tools\' labels, and Docker may give meaning to its reserved namespaces.',
      bad: 'LABEL Version="1.0" com.docker.build="1"',
      good: 'LABEL org.opencontainers.image.version="1.0" com.example.build="1"',
      fixSafety: 'No fix: renaming a label breaks whatever reads it.',
    },
  },
  create(ctx) {
    return {
      LABEL(ins, info) {
        for (const pair of ins.pairs) {
          const key = labelKey(pair, info.scope);
          const problem = keyProblem(key);
          if (problem) ctx.report({ span: pair.key, message: `Label key \`${key}\` ${problem}` });
        }
      },
    };
  },
});
