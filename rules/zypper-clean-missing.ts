import { fix } from '../src/fix/edits.ts';
import { defineRule } from '../src/linter/rule.ts';
import { appendCommand } from '../src/fix/script-edit.ts';
import { uncleanedDownload } from '../src/model/system-packages.ts';
import { shipsInImage } from '../src/model/stages.ts';

export default defineRule({
  meta: {
    id: 'zypper-clean-missing',
    aliases: ['DL3036'],
    severity: 'warning',
    category: 'size',
    fixable: 'safe',
    docs: {
      summary: 'Run `zypper clean` in the same RUN as `zypper install`',
      description: 'Reports a RUN whose `zypper install` (or update, patch, dup, ...) is not followed by `zypper clean` / `zypper cc` or `rm -rf /var/cache/zypp` in the same RUN. A cache or tmpfs mount on /var/cache/zypp counts as cleaned.',
      why: 'zypper leaves downloaded packages and repository data in /var/cache/zypp, which is committed into the layer; a later RUN cannot take it out again.',
      bad: 'FROM opensuse/leap:15.6\nRUN zypper -n install mariadb=10.11',
      good: 'FROM opensuse/leap:15.6\nRUN zypper -n install mariadb=10.11 && zypper clean',
      fixSafety: 'Safe: appends ` && zypper clean` after the last command of the RUN, so the RUN fails exactly when it failed before. No fix when the last command is inside a compound command, backgrounded, run through a wrapper such as sudo, or the RUN is in exec form.',
      presets: '`recommended` and `all` count only stages that end up in the built image (the last stage and the stages it builds on; an ONBUILD trigger always counts): the cache in a build stage the image only copies from reaches nobody. `hadolint` reports every stage, as DL3036 does.',
    },
  },
  create(ctx) {
    const hadolint = ctx.settings.preset === 'hadolint';
    return {
      run(run, info) {
        // a stage the image only copies from leaves its layers behind
        if (!hadolint && !info.onbuild && !shipsInImage(ctx.model, info.stage)) return;
        const spc = uncleanedDownload(run, 'zypper');
        if (!spc) return;
        const edit = spc.wrapped || spc.program.value !== spc.program.text ? undefined : appendCommand(run, ctx.source, `${spc.program.text} clean`);
        ctx.report({
          span: spc.command,
          message: '`zypper clean` is missing after this zypper command: its package cache stays in the layer',
          ...(edit ? { fix: fix('append zypper clean', 'safe', edit) } : {}),
        });
      },
    };
  },
});
