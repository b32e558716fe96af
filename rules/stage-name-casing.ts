import { fix, replace } from '../src/fix/edits.ts';
import { defineRule } from '../src/linter/rule.ts';

export default defineRule({
  meta: {
    id: 'stage-name-casing',
    aliases: ['StageNameCasing'],
    severity: 'warning',
    category: 'style',
    fixable: 'safe',
    docs: {
      summary: 'Stage names should be lower case',
      description: 'Reports a `FROM ... AS Name` whose stage name has upper-case letters.',
      why: 'BuildKit matches stage names case-insensitively (it lower-cases them), so `Builder` and `builder` are one stage: mixed case suggests a distinction that does not exist and reads inconsistently next to `--from=builder`.',
      bad: 'FROM golang:1.23 AS Builder\n',
      good: 'FROM golang:1.23 AS builder\n',
      fixSafety: 'Safe: lower-cases the name after AS. References (`--from=Builder`, `FROM Builder`, `--target Builder`) are matched case-insensitively, so they keep working.',
    },
  },
  create(ctx) {
    return {
      FROM(ins) {
        const name = ins.stageName;
        if (!name || name.value === name.value.toLowerCase()) return;
        const lower = name.raw.toLowerCase();
        ctx.report({
          span: name,
          message: `Stage name '${name.value}' should be lower case`,
          ...(name.end - name.start === name.raw.length ? { fix: fix(`rename the stage to '${lower}'`, 'safe', replace(name, lower)) } : {}),
        });
      },
    };
  },
});
