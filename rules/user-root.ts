import { defineRule } from '../src/linter/rule.ts';
import type { StringInstruction } from '../src/parser/ast.ts';
import { effectiveUser, isRootUser } from '../src/model/user.ts';

export default defineRule({
  meta: {
    id: 'user-root',
    aliases: ['DL3002'],
    severity: 'warning',
    category: 'security',
    docs: {
      summary: 'The image should not end up running as root',
      description:
        'Reports a `USER root` (or `USER 0`, `root:group`, `0:0`, also through ARGs) that is the last USER of a stage that can be run: '
        + 'the last stage, or any stage no other stage builds on or copies from (it can be built with `--target`). A stage that only '
        + 'serves as the base of another is judged through that stage, which inherits its user.',
      why: 'A container that runs as root turns any code-execution bug into root in the container, one step from the host when the container runtime has a flaw or a volume is mounted.',
      bad: 'FROM debian:12\nUSER root\nRUN apt-get update\n',
      good: 'FROM debian:12\nUSER root\nRUN apt-get update\nUSER app\n',
      fixSafety: 'No fix: which user the program can run as depends on the image (files it writes, ports it binds).',
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
          ctx.report({ span: user, message: 'The last USER of this image is root: switch to an unprivileged user at the end' });
        }
      },
    };
  },
});

