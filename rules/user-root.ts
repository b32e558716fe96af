import { defineRule } from '../src/linter/rule.ts';
import type { StringInstruction } from '../src/parser/ast.ts';
import { fix } from '../src/fix/edits.ts';
import { effectiveUser, isRootUser, switchUserEdit } from '../src/model/user.ts';

export default defineRule({
  meta: {
    id: 'user-root',
    aliases: ['DL3002'],
    severity: 'warning',
    category: 'security',
    fixable: 'unsafe',
    docs: {
      summary: 'The image should not end up running as root',
      description:
        'Reports a `USER root` (or `USER 0`, `root:group`, `0:0`, also through ARGs) that is the last USER of a stage that can be run: '
        + 'the last stage, or any stage no other stage builds on or copies from (it can be built with `--target`). A stage that only '
        + 'serves as the base of another is judged through that stage, which inherits its user.',
      why: 'A container that runs as root turns any code-execution bug into root in the container, one step from the host when the container runtime has a flaw or a volume is mounted.',
      bad: 'FROM debian:12\nUSER root\nRUN apt-get update\n',
      good: 'FROM debian:12\nUSER root\nRUN apt-get update\nUSER app\n',
      fixSafety: 'Unsafe: in the last stage, when the USER root is in that stage and the distribution is known, creates an unprivileged `app` user (or `USER 65532` on scratch/distroless) and switches to it before the CMD/ENTRYPOINT that follows, or at the end. The program may need files or ports only root can use, so check it still runs.',
    },
  },
  create(ctx) {
    const { model } = ctx;
    return {
      end() {
        const reported = new Set<StringInstruction>();
        for (const stage of model.stages) {
          if (!stage.isFinal && stage.usedBy.size > 0) continue;
          const user = effectiveUser(stage);
          if (!user || reported.has(user)) continue;
          const value = model.info(user).scope.expand(user.argument?.raw ?? '').value;
          if (value === undefined || !isRootUser(value)) continue;
          reported.add(user);
          const edit = stage.isFinal && stage.instructions.includes(user) ? switchUserEdit(model, stage, user) : undefined;
          ctx.report({
            span: user,
            message: 'The last USER of this image is root: switch to an unprivileged user at the end',
            ...(edit ? { fix: fix('create an unprivileged user and switch to it', 'unsafe', edit) } : {}),
          });
        }
      },
    };
  },
});

