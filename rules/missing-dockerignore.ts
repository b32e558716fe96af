import { defineRule } from '../src/linter/rule.ts';
import { displayDir } from '../src/model/context.ts';
import { usesWholeContext } from '../src/model/context-copy.ts';

export default defineRule({
  meta: {
    id: 'missing-dockerignore',
    aliases: [],
    severity: 'warning',
    category: 'size',
    docs: {
      summary: 'The whole build context is copied and there is no `.dockerignore`',
      description: 'Reports the first instruction that copies or bind-mounts the whole build context (`COPY . .`, `ADD . /app`, `RUN --mount=type=bind,target=/src`) when the build would find no .dockerignore. Looks where BuildKit does: `<Dockerfile>.dockerignore` beside the Dockerfile (read first), then the context directory\'s `.dockerignore`. The context is `--context DIR` when given; otherwise the Dockerfile\'s folder is assumed, and since `docker/Dockerfile` is often built from the repository root, a `.dockerignore` in any folder above it up to the repository root (the folder with `.git`) counts too. The message names the folder it assumed. Silent when the Dockerfile\'s path is unknown (stdin without `--stdin-filename`).',
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
        const search = context.likelyDockerignore();
        if (search.path !== undefined) return;
        const root = search.repositoryRoot;
        const where = !search.guessed
          ? `the build context (${context.dir}) has no .dockerignore`
          : `there is no .dockerignore in ${displayDir(search.assumedDir, root)} (the Dockerfile's folder, assumed as the build context)${root === undefined ? '' : ' nor above it up to the repository root'}`;
        ctx.report({
          span: { start: ins.start, end: ins.end },
          message: `This copies the whole build context and ${where}: .git, dependencies and local files are sent, copied and bust the cache; add a .dockerignore${search.guessed ? ' to the folder you build from (pass `--context DIR` if it is not the Dockerfile\'s)' : ''}`,
        });
      },
    };
  },
});
