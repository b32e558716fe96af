import { defineRule } from '../src/linter/rule.ts';
import { findVariableReferences } from '../src/parser/expansion/references.ts';
import { refSpan } from '../src/model/scope.ts';

export default defineRule({
  meta: {
    id: 'env-self-reference',
    aliases: ['DL3044'],
    severity: 'error',
    category: 'correctness',
    docs: {
      summary: 'Do not use a variable in the same ENV that sets it',
      description: 'Reports a reference in an ENV value to a variable that an earlier pair of the same ENV instruction sets (`ENV A=1 B=$A`). Referring to a variable set by an earlier instruction, or to the variable\'s own old value (`ENV PATH=/opt/bin:$PATH`), is fine.',
      why: 'All values of one ENV are expanded before any of its variables is set: `ENV A=1 B=$A` gives B the value A had before this line (often empty), not 1.',
      bad: 'FROM debian:bookworm\nENV APP_HOME=/opt/app APP_BIN=$APP_HOME/bin',
      good: 'FROM debian:bookworm\nENV APP_HOME=/opt/app\nENV APP_BIN=$APP_HOME/bin',
      fixSafety: 'No fix: splitting the ENV changes the value the variable gets, which may or may not be what you meant.',
      presets: 'recommended and all: a pair that sets a variable to its own value (`ENV HOME=${HOME} DIR=${HOME}/x`, typically copying an ARG of the same name) does not change it, so later references in the same ENV are right. hadolint: DL3044 reports them too.',
    },
  },
  create(ctx) {
    const hadolint = ctx.settings.preset === 'hadolint';
    return {
      ENV(ins) {
        const earlier = new Set<string>();
        for (const pair of ins.pairs) {
          if (pair.value) {
            for (const ref of findVariableReferences(pair.value.raw, ctx.df.escape)) {
              if (!earlier.has(ref.name)) continue;
              ctx.report({
                span: refSpan(pair.value, ref),
                message: `\`${ref.name}\` is set earlier in this same ENV: here it still has its value from before the instruction`,
              });
            }
          }
          if (hadolint || !keepsValue(pair.key.value, pair.value?.raw)) earlier.add(pair.key.value);
        }
      },
    };
  },
});

/** `KEY=$KEY`, `KEY="${KEY}"`: the pair sets the variable to the value it already has */
function keepsValue(key: string, raw: string | undefined): boolean {
  const value = raw?.replace(/^"(.*)"$/, '$1');
  return value === `$${key}` || value === `\${${key}}`;
}
