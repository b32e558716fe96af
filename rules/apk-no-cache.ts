import { fix, insertAt } from '../src/fix/edits.ts';
import { defineRule } from '../src/linter/rule.ts';
import { removesDirectory } from '../src/model/apt.ts';
import { mountsHold } from '../src/model/cache-mount.ts';
import { hasFlag, subcommandWords } from '../src/model/index.ts';
import { shipsInImage } from '../src/model/stages.ts';

const APK_CACHE_DIR = '/var/cache/apk';

export default defineRule({
  meta: {
    id: 'apk-no-cache',
    aliases: ['DL3019'],
    severity: 'info',
    category: 'size',
    fixable: 'safe',
    docs: {
      summary: 'Use `apk add --no-cache`',
      description: 'Reports `apk add` without `--no-cache`, unless a cache or tmpfs mount holds /var/cache/apk, the same RUN removes /var/cache/apk after it, or the add runs with `--no-network` (it fetches nothing). Only stages that end up in the built image count (the last stage and the stages it builds on); an ONBUILD trigger always counts.',
      why: 'Without `--no-cache`, `apk add --update` / `apk update` leave the package index in /var/cache/apk, a megabyte or more in the layer; `--no-cache` fetches the index to a temporary place instead, with no cleanup step to forget.',
      bad: 'FROM alpine:3.20\nRUN apk update && apk add curl=8.9.1-r2\n',
      good: 'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r2\n',
      fixSafety: 'Safe: adds `--no-cache` after `add`; the same packages are installed, only the index is not kept. An earlier `apk update` becomes unnecessary but is left as it is.',
      presets: 'hadolint: DL3019\'s semantics, every `apk add` without `--no-cache`, in any stage (a removal of /var/cache/apk in the same RUN and `--no-network` do not count).',
    },
  },
  create(ctx) {
    const hadolint = ctx.settings.preset === 'hadolint';
    return {
      run(run, info) {
        if (!hadolint && !info.onbuild && !shipsInImage(ctx.model, info.stage)) return;
        for (const install of run.installs) {
          if (install.manager !== 'apk' || hasFlag(install.command, 'no-cache') || mountsHold(run, [APK_CACHE_DIR])) continue;
          // nothing is fetched, or what was fetched is gone before the layer is written
          if (!hadolint && (hasFlag(install.command, 'no-network') || removesDirectory(run, APK_CACHE_DIR, install.command.start))) continue;
          const sub = subcommandWords(install.command, 'apk', 1)[0];
          ctx.report({
            span: install.command,
            message: 'Use `apk add --no-cache` so the package index does not stay in the layer',
            ...(sub && run.editable ? { fix: fix('add --no-cache', 'safe', insertAt(sub.end, ' --no-cache')) } : {}),
          });
        }
      },
    };
  },
});
