import { fix } from '../src/fix/edits.ts';
import { defineRule } from '../src/linter/rule.ts';
import { isPosixShell } from '../src/model/index.ts';
import { effectiveUser, imageRunsAsNonRoot, stageChain, switchUserEdit } from '../src/model/user.ts';

const WINDOWS_IMAGE = /(^|\/)(windows|nanoserver|servercore)(\/|$)/i;

export default defineRule({
  meta: {
    id: 'missing-user',
    aliases: [],
    severity: 'warning',
    category: 'security',
    fixable: 'unsafe',
    docs: {
      summary: 'The final stage never sets USER: the container runs as root',
      description: 'Reports the final stage when neither it nor a stage it builds on has a USER instruction. Not raised when the base image is known to run as a non-root user already (distroless `:nonroot`, `*-nonroot` tags, Chainguard, Bitnami, `nginx-unprivileged` ...), when the base image is not known at lint time (`FROM $BASE` without a default), or for Windows images.',
      why: 'Without USER, the main process runs as root (uid 0). A flaw in the application then acts as root inside the container, with more ways to escape it or to damage mounted volumes. Running as an unprivileged user costs one line.',
      bad: 'FROM node:22-slim\nCOPY . /app\nCMD ["node", "/app/server.js"]\n',
      good: 'FROM node:22-slim\nCOPY . /app\nUSER node\nCMD ["node", "/app/server.js"]\n',
      fixSafety: 'Unsafe: creates a system user `app` fitting the base distribution (`groupadd`/`useradd` on Debian, Ubuntu and the RHEL family, `addgroup`/`adduser` on Alpine) and switches to it before the first CMD/ENTRYPOINT (or at the end of the stage); for scratch and distroless images, which have no user tools, it sets the numeric `USER 65532`. The process loses root: files it writes, ports below 1024 and anything owned by root may stop working. No fix when the distribution is unknown.',
    },
  },
  create(ctx) {
    return {
      end() {
        const stage = ctx.model.finalStage;
        if (!stage || !isPosixShell(stage.shell) || effectiveUser(stage)) return;
        const chain = stageChain(stage);
        const base = chain[chain.length - 1]!.image;
        if (!base.resolved || imageRunsAsNonRoot(base) || WINDOWS_IMAGE.test(base.repository)) return;
        const edit = switchUserEdit(ctx.model, stage);
        const from = stage.from;
        ctx.report({
          span: { start: from.start, end: from.end },
          message: `The final stage never sets USER, so the container runs as root: create an unprivileged user and switch to it${base.isScratch ? ' (`USER 65532` in a scratch image)' : ''}`,
          ...(edit ? { fix: fix('create an unprivileged user and switch to it', 'unsafe', edit) } : {}),
        });
      },
    };
  },
});
