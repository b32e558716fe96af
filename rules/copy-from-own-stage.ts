import { defineRule } from '../src/linter/rule.ts';
import { resolveFromRef } from '../src/model/stage-refs.ts';

export default defineRule({
  meta: {
    id: 'copy-from-own-stage',
    aliases: ['DL3023'],
    severity: 'error',
    category: 'correctness',
    docs: {
      summary: '`COPY --from` cannot copy from the stage it is in',
      description: 'Reports `COPY --from=<name or index>` that refers to the stage containing the COPY.',
      why: 'A stage cannot read from itself while it is being built: the builder rejects the circular dependency and the build fails.',
      bad: 'FROM node:22 AS app\nCOPY --from=app /src /dst',
      good: 'FROM node:22 AS deps\nRUN npm ci\nFROM node:22 AS app\nCOPY --from=deps /src /dst',
      fixSafety: 'No fix: the intended source stage cannot be guessed.',
    },
  },
  create(ctx) {
    return {
      COPY(ins, info) {
        if (info.onbuild) return;
        const flag = ins.flags.find((f) => f.name.toLowerCase() === 'from');
        if (flag?.value === undefined) return;
        if (resolveFromRef(ctx.model, info, flag.value).kind !== 'self') return;
        ctx.report({ span: flag.valueSpan ?? flag, message: `\`COPY --from=${flag.value}\` refers to the stage it is in` });
      },
    };
  },
});
