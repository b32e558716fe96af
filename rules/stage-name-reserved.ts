import { goQuote } from '../src/linter/buildkit-messages.ts';
import { defineRule } from '../src/linter/rule.ts';

/** names BuildKit gives a meaning of its own */
const RESERVED = new Set(['scratch', 'context']);

export default defineRule({
  meta: {
    id: 'stage-name-reserved',
    aliases: ['DL3063', 'ReservedStageName'],
    severity: 'warning',
    category: 'correctness',
    docs: {
      summary: 'Stage names must not be `scratch` or `context`',
      description: 'Reports `FROM ... AS scratch` and `FROM ... AS context` (in any letter case).',
      why: '`scratch` is the empty base image and `context` names the build context in `--build-context`; a stage with either name makes `FROM scratch` and `COPY --from=context` mean something else than they read.',
      bad: 'FROM golang:1.23 AS scratch',
      good: 'FROM golang:1.23 AS build',
      fixSafety: 'No fix: renaming a stage means renaming its uses, and the new name is yours to choose.',
    },
  },
  create(ctx) {
    return {
      FROM(ins) {
        const name = ins.stageName;
        if (name && RESERVED.has(name.value.toLowerCase())) {
          ctx.report({
            span: name,
            message: ctx.settings.preset === 'buildkit'
              ? `Stage name should not use the same name as reserved stage ${goQuote(name.value.toLowerCase())}`
              : `Stage name \`${name.value}\` is reserved by BuildKit`,
          });
        }
      },
    };
  },
});
