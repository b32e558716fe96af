import { goQuote } from '../src/linter/buildkit-messages.ts';
import { defineRule } from '../src/linter/rule.ts';

export default defineRule({
  meta: {
    id: 'duplicate-stage-name',
    aliases: ['DL3024', 'DuplicateStageName'],
    severity: 'error',
    category: 'correctness',
    docs: {
      summary: 'Stage names must be unique',
      description: 'Reports a `FROM ... AS <name>` whose name an earlier stage already has (names compare case-insensitively).',
      why: 'A stage name must identify one stage: the builder refuses a Dockerfile where two stages share a name.',
      bad: 'FROM golang:1.23 AS build\nFROM node:22 AS build',
      good: 'FROM golang:1.23 AS build-go\nFROM node:22 AS build-web',
      fixSafety: 'No fix: renaming a stage also means updating the references to it, which needs your judgement.',
    },
  },
  create(ctx) {
    return {
      FROM(ins, info) {
        const name = info.stage?.name;
        const word = ins.stageName;
        if (name === undefined || !word) return;
        const first = ctx.model.stageByRef(name);
        if (!first || first === info.stage) return;
        ctx.report({
          span: word,
          message: ctx.settings.preset === 'buildkit'
            ? `Duplicate stage name ${goQuote(name)}, stage names should be unique`
            : `The stage name \`${word.value}\` is already used by the stage on line ${ctx.df.lines.position(first.from.start).line}`,
        });
      },
    };
  },
});
