import { defineRule } from '../src/linter/rule.ts';
import { resolveFromRef } from '../src/model/stage-refs.ts';

export default defineRule({
  meta: {
    id: 'copy-from-undefined-stage',
    aliases: ['DL3022'],
    severity: 'warning',
    category: 'correctness',
    docs: {
      summary: '`COPY --from` should name a stage defined before it',
      description: 'Reports `COPY --from=<name>` where no earlier stage has that name (names compare case-insensitively) and the value does not look like an image reference (no `:`, `/` or `@`), and `COPY --from=<n>` where stage n does not exist yet. ARG values are substituted first.',
      why: 'A name that is not a stage is pulled as an image from Docker Hub: a typo in a stage name silently copies from some public image, or fails the build. A stage defined further down is not available yet either.',
      bad: 'FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM debian:bookworm\nCOPY --from=biuld /app /app',
      good: 'FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM debian:bookworm\nCOPY --from=build /app /app',
      fixSafety: 'No fix: the intended stage cannot be guessed.',
    },
  },
  create(ctx) {
    return {
      COPY(ins, info) {
        if (info.onbuild) return;
        const flag = ins.flags.find((f) => f.name.toLowerCase() === 'from');
        if (flag?.value === undefined) return;
        const ref = resolveFromRef(ctx.model, info, flag.value);
        const span = flag.valueSpan ?? flag;
        if (ref.kind === 'later') ctx.report({ span, message: `\`COPY --from=${flag.value}\` names a stage that is defined only further down` });
        else if (ref.kind === 'missing-index') ctx.report({ span, message: `\`COPY --from=${flag.value}\`: there is no stage with that index before this instruction` });
        else if (ref.kind === 'unknown-name') ctx.report({ span, message: `\`COPY --from=${flag.value}\` names no stage defined before it (it would be pulled as an image)` });
      },
    };
  },
});
