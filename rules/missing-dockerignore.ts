import { defineRule } from '../src/linter/rule.ts';
import { usesWholeContext } from '../src/model/context-copy.ts';

export default defineRule({
  meta: {
    id: 'missing-dockerignore',
    aliases: [],
    severity: 'warning',
    category: 'size',
    docs: {
      summary: 'The whole build context is copied and there is no `.dockerignore`',
      description: 'When the build context directory is known (the Dockerfile\'s folder, or `--context DIR`), reports the first instruction that copies or bind-mounts the whole context (`COPY . .`, `ADD . /app`, `RUN --mount=type=bind,target=/src`) when neither `.dockerignore` nor `<Dockerfile>.dockerignore` exists. Silent when the context is unknown.',
      why: 'Without a `.dockerignore`, `.git`, `node_modules`, build outputs, local `.env` files and editor state are sent to the builder, land in the image, and change the cache key of the copy on every commit or local edit: slower builds, bigger images, and secrets where they should not be.',
      bad: '# no .dockerignore next to the Dockerfile\nFROM node:22\nCOPY . .\n',
      good: '# .dockerignore: .git, node_modules, dist, .env\nFROM node:22\nCOPY . .\n',
      fixSafety: 'No fix: what to exclude depends on the project, and the fix would be a new file rather than an edit of the Dockerfile.',
    },
  },
  create(ctx) {
    const context = ctx.model.context;
    let reported = false;
    return {
      instruction(ins, info) {
        if (reported || !context || context.dockerignorePath !== undefined || info.onbuild) return;
        if (!usesWholeContext(ins)) return;
        reported = true;
        ctx.report({
          span: { start: ins.start, end: ins.end },
          message: 'This copies the whole build context, which has no .dockerignore: .git, dependencies and local files are sent, copied and bust the cache; add a .dockerignore',
        });
      },
    };
  },
});
