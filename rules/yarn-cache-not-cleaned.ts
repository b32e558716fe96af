import { fix, insertAt } from '../src/fix/edits.ts';
import { defineRule } from '../src/linter/rule.ts';
import { isBuiltUpon } from '../src/model/stages.ts';

/** where yarn keeps its cache: classic's ~/.cache/yarn and /usr/local/share/.cache/yarn, berry's .yarn/cache */
const YARN_CACHE_DIR = /(^|\/)\.cache\/yarn(\/|$)|(^|\/)\.yarn\/(berry\/)?cache(\/|$)/;

export default defineRule({
  meta: {
    id: 'yarn-cache-not-cleaned',
    aliases: ['DL3060'],
    severity: 'info',
    category: 'size',
    fixable: 'unsafe',
    docs: {
      summary: 'Run `yarn cache clean` after `yarn install` in the same RUN',
      description: 'Reports `yarn install` / `yarn add` (and a bare `yarn`) not followed by `yarn cache clean` (or removing the yarn cache directory) in the same RUN, unless the RUN mounts a cache or tmpfs on the yarn cache directory. Stages that end up in no image (not the last stage, and no stage is built `FROM` them) are skipped; ONBUILD triggers are always checked.',
      why: 'Yarn keeps a copy of every downloaded package in its cache; left in the layer, it often doubles the size of node_modules in the image.',
      bad: 'FROM node:22-slim\nRUN yarn install --frozen-lockfile',
      good: 'FROM node:22-slim\nRUN yarn install --frozen-lockfile && yarn cache clean',
      fixSafety: 'Unsafe: appends `&& yarn cache clean` after the last install. That is right for yarn classic (v1), but with yarn 2+ in Plug\'n\'Play mode the cache holds the installed packages themselves and cleaning it breaks the app; the Dockerfile does not tell which yarn runs. Offered only when the install is a plain step of the command list (not piped, in a condition or in a subshell).',
    },
  },
  create(ctx) {
    return {
      run(run, info) {
        const stage = info.stage;
        if (!info.onbuild && stage && !stage.isFinal && !isBuiltUpon(stage)) return;
        if (run.mounts.some((m) => (m.type === 'cache' || m.type === 'tmpfs') && m.target !== undefined && YARN_CACHE_DIR.test(m.target))) return;
        const installs = run.installs.filter((i) => i.manager === 'yarn');
        const lastClean = Math.max(-1, ...run.cleans.filter((c) => c.manager === 'yarn').map((c) => c.command.start));
        const unclean = installs.filter((i) => i.command.start > lastClean);
        const last = unclean[unclean.length - 1];
        if (!last) return;
        const cmd = last.command;
        const plain = !cmd.inPipeline && !cmd.inCondition && !cmd.inSubshell;
        const after = ctx.source.slice(cmd.end).match(/^[ \t]*(?:\\\r?\n[ \t]*)*(&&|;|\r?\n|$)?/)?.[1];
        const fixable = run.editable && plain && after !== undefined && run.scripts.some((s) => s.commands.includes(cmd));
        for (const install of unclean) {
          ctx.report({
            span: { start: install.command.start, end: install.command.end },
            message: '`yarn cache clean` is missing after this yarn install: the package cache stays in the layer',
            ...(fixable && install === last ? { fix: fix('append && yarn cache clean', 'unsafe', insertAt(cmd.end, ' && yarn cache clean')) } : {}),
          });
        }
      },
    };
  },
});
