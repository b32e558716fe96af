import { fix } from '../src/fix/edits.ts';
import { switchUserEdit } from '../src/fix/user-edit.ts';
import { defineRule } from '../src/linter/rule.ts';
import type { DockerfileModel, Stage } from '../src/model/model.ts';
import { baseRunsAsNonRoot, drivesDocker, exposesPrivilegedPort, isDevContainer, startDropsPrivileges, startsNothingOfItsOwn } from '../src/model/privileges.ts';
import { effectiveUser, isMinimalImage, isRootUser, NUMERIC_NON_ROOT_USER, userBefore } from '../src/model/user.ts';
import { rootStage } from '../src/model/stage-chain.ts';
import type { StringInstruction } from '../src/parser/ast.ts';

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
        + 'serves as the base of another is judged through that stage, which inherits its user. '
        + 'Not raised for dev container images (devcontainer.json chooses the user), for images whose start command switches to an '
        + 'unprivileged user itself or drives the Docker daemon (the same understanding as `missing-user`), nor for an image that '
        + 'starts a shell or REPL, or keeps its base image\'s command, on a base that runs as root anyway (the User of its config when images are resolved, else known by name): there `USER root` changes nothing.',
      why: 'A container that runs as root turns any code-execution bug into root in the container, one step from the host when the container runtime has a flaw or a volume is mounted.',
      bad: 'FROM jenkins/jenkins:lts\nUSER root\nRUN apt-get update && apt-get install -y --no-install-recommends make\n',
      good: 'FROM jenkins/jenkins:lts\nUSER root\nRUN apt-get update && apt-get install -y --no-install-recommends make\nUSER jenkins\n',
      fixSafety:
        'Unsafe, offered in the last stage when the USER root is in that stage: it switches back to the user that was in effect before '
        + '`USER root` in the Dockerfile (`USER app` ... `USER root` gets `USER app` again), or, on scratch and distroless images without a '
        + 'port below 1024, to `USER 65532`; the line goes before the CMD/ENTRYPOINT that follows, or at the end. The program loses root: '
        + 'files and ports only root can use stop working for it. No fix otherwise: which user the program should run as is for its author to say.',
      presets: '`hadolint`: every last `USER root` of a stage that can be run, as hadolint\'s DL3002 (none of the exceptions above).',
    },
  },
  create(ctx) {
    const { model } = ctx;
    const hadolint = ctx.settings.preset === 'hadolint';
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
          if (!hadolint && rootOnPurpose(model, stage)) continue;
          const restore = stage.isFinal && stage.instructions.includes(user) ? userToRestore(model, stage, user) : undefined;
          ctx.report({
            span: user,
            message: 'The last USER of this image is root: switch to an unprivileged user at the end',
            ...(restore ? { fix: fix(`switch to \`${restore}\` at the end`, 'unsafe', switchUserEdit(model, stage, restore, user)) } : {}),
          });
        }
      },
    };
  },
});

/**
 * Root that is meant or harmless: dev containers, a start that switches user itself or drives
 * the Docker daemon, and a shell or the base's own command on a base that runs as root anyway.
 */
function rootOnPurpose(model: DockerfileModel, stage: Stage): boolean {
  const base = rootStage(stage).image;
  if (isDevContainer(stage) || startDropsPrivileges(model, stage, base) || drivesDocker(model, stage)) return true;
  return startsNothingOfItsOwn(stage) && !baseRunsAsNonRoot(model, stage);
}

/** the user before `USER root`, else 65532 on scratch/distroless; undefined when unknown */
function userToRestore(model: DockerfileModel, stage: Stage, root: StringInstruction): string | undefined {
  const before = userBefore(model, stage, root);
  if (before !== undefined) return before;
  return isMinimalImage(stage) && !exposesPrivilegedPort(stage) ? NUMERIC_NON_ROOT_USER : undefined;
}
