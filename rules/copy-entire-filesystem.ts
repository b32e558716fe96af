import { defineRule } from '../src/linter/rule.ts';
import { stageRootImage } from '../src/model/stages.ts';

/** `/`, `//`, `/.`, `/./` ...: the root directory however it is spelled */
const ROOT = /^(?:\/+\.?)+$/;

export default defineRule({
  meta: {
    id: 'copy-entire-filesystem',
    aliases: ['DL3067'],
    severity: 'warning',
    category: 'size',
    docs: {
      summary: 'Do not copy a whole stage\'s filesystem onto `/`',
      description: 'Reports `COPY --from=<stage> / /`: the root of another stage (or image) copied over the root of this one. A stage built `FROM scratch` is exempt: it holds only files put there on purpose (the usual way to collect build outputs).',
      why: 'It copies everything, package databases, caches and build tools included, so the multi-stage build saves nothing; and it overwrites this stage\'s system files with another distribution\'s.',
      bad: 'FROM golang:1.23 AS build\nRUN go build -o /out/app ./cmd/app\nFROM gcr.io/distroless/static\nCOPY --from=build / /',
      good: 'FROM golang:1.23 AS build\nRUN go build -o /out/app ./cmd/app\nFROM gcr.io/distroless/static\nCOPY --from=build /out/app /app',
      fixSafety: 'No fix: only you know which files the image needs.',
    },
  },
  create(ctx) {
    return {
      COPY(ins, info) {
        const from = ins.flags.find((f) => f.name === 'from')?.value;
        if (from === undefined || !ins.destination) return;
        // a stage built FROM scratch holds only what was put there on purpose (an export stage)
        const source = ctx.model.stageByRef(from);
        if (source && stageRootImage(source).isScratch) return;
        const valueOf = (w: { value: string }) => info.scope.expand(w.value).value;
        const destination = valueOf(ins.destination);
        if (destination === undefined || !ROOT.test(destination)) return;
        const root = ins.sources.find((s) => ROOT.test(valueOf(s) ?? ''));
        if (root) ctx.report({ span: root, message: 'The whole filesystem of another stage is copied over `/`: copy only the files the image needs' });
      },
    };
  },
});
