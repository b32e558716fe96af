import { fix } from '../src/fix/edits.ts';
import { switchUserEdit } from '../src/fix/user-edit.ts';
import { defineRule } from '../src/linter/rule.ts';
import { isPosixShell } from '../src/model/index.ts';
import { isWindowsImage } from '../src/model/image.ts';
import { baseRunsAsNonRoot, drivesDocker, exposesPrivilegedPort, isBaseOrToolImage, isDevContainer, shipsOwnCode, startDropsPrivileges, startsService } from '../src/model/privileges.ts';
import { effectiveUser, isMinimalImage, NUMERIC_NON_ROOT_USER } from '../src/model/user.ts';
import { rootStage } from '../src/model/stage-chain.ts';

export default defineRule({
  meta: {
    id: 'missing-user',
    aliases: [],
    severity: 'warning',
    category: 'security',
    fixable: 'unsafe',
    docs: {
      summary: 'The final stage runs its service as root: it never sets USER',
      description:
        'Reports the final stage when neither it nor a stage it builds on has a USER instruction and it runs a service of its own as root: '
        + 'it copies code of its own (from the build context or an earlier stage, not only scripts and configuration) and exposes a port, '
        + 'has a HEALTHCHECK or starts that code in a runtime (`node server.js`, `java -jar app.jar`, `gunicorn app:app`). '
        + 'Not raised for a base to build FROM (ONBUILD triggers, no ENTRYPOINT or CMD of its own, a CMD that opens a shell or REPL or idles), '
        + 'a distribution of published software (nothing of its own copied), a command-line tool run on demand, a dev container image '
        + '(devcontainer.json chooses the user); when the container starts as root on purpose and switches user itself (gosu, su-exec, '
        + 'setpriv, runuser, `chroot --userspec`; servers that drop privileges by design or refuse root: nginx, Apache httpd, php-fpm, sshd, '
        + 'MySQL, PostgreSQL, supervisord, s6\'s `/init` ...; the entrypoint of an official image such as postgres or redis kept in effect; '
        + 'an entrypoint script in a Dockerfile that installs or downloads gosu/su-exec, creates a user it never switches to, hands files '
        + 'to one, or declares the ids to run as such as PUID/PGID); when it drives the Docker daemon (a Docker client installed, '
        + '`docker.sock` named), whose socket only root opens; when the base image runs as a non-root user already '
        + '(the User of its config when images are resolved, `--resolve-images`; otherwise known by name: distroless `:nonroot`, Chainguard, Docker Hardened Images, Bitnami, .NET chiseled, `nginx-unprivileged`, Jupyter, Jenkins, '
        + 'memcached ...) or is not known at lint time (`FROM $BASE` without a default); or for Windows images.',
      why: 'Without USER, the main process runs as root (uid 0). A flaw in the application then acts as root inside the container, with more ways to escape it or to damage mounted volumes. Running as an unprivileged user costs one line.',
      bad: 'FROM node:22-slim\nCOPY . /app\nCMD ["node", "/app/server.js"]\n',
      good: 'FROM node:22-slim\nCOPY . /app\nUSER node\nCMD ["node", "/app/server.js"]\n',
      fixSafety:
        'Unsafe, and offered only for images built on scratch or distroless, which hold little more than the copied program: '
        + 'it sets `USER 65532` (distroless\'s `nonroot`) before the first CMD/ENTRYPOINT, or at the end of the stage. '
        + 'The program loses root: it can no longer write files owned by root or read files only root can read. '
        + 'No fix when the image exposes a port below 1024 (binding it needs root outside Docker\'s default settings), '
        + 'nor on other bases: there the files the program writes belong to root, and which of them it needs is known only to its author.',
    },
  },
  create(ctx) {
    return {
      end() {
        const { model } = ctx;
        const stage = model.finalStage;
        if (!stage || !isPosixShell(stage.shell) || effectiveUser(stage)) return;
        const base = rootStage(stage).image;
        if (!base.resolved || baseRunsAsNonRoot(model, stage) || isWindowsImage(base)) return;
        if (isDevContainer(stage)) return;
        if (!shipsOwnCode(model, stage) || isBaseOrToolImage(stage) || !startsService(stage) || startDropsPrivileges(model, stage, base) || drivesDocker(model, stage)) return;
        const edit = isMinimalImage(stage) && !exposesPrivilegedPort(stage) ? switchUserEdit(model, stage, NUMERIC_NON_ROOT_USER) : undefined;
        const from = stage.from;
        ctx.report({
          span: { start: from.start, end: from.end },
          message: `The final stage never sets USER, so its service runs as root: create an unprivileged user and switch to it${base.isScratch ? ' (`USER 65532` in a scratch image)' : ''}`,
          ...(edit ? { fix: fix('switch to the unprivileged user 65532', 'unsafe', edit) } : {}),
        });
      },
    };
  },
});
