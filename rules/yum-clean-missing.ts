import { fix } from '../src/fix/edits.ts';
import { defineRule } from '../src/linter/rule.ts';
import { appendCommand } from '../src/fix/script-edit.ts';
import { uncleanedDownload } from '../src/model/system-packages.ts';
import { shipsInImage } from '../src/model/stages.ts';

export default defineRule({
  meta: {
    id: 'yum-clean-missing',
    aliases: ['DL3032'],
    severity: 'warning',
    category: 'size',
    fixable: 'safe',
    docs: {
      summary: 'Run `yum clean all` in the same RUN as `yum install`',
      description: 'Reports a RUN whose `yum install` (or update, reinstall, ...) is not followed by `yum clean all` or `rm -rf /var/cache/yum` in the same RUN. A cache or tmpfs mount on /var/cache/yum counts as cleaned.',
      why: 'yum keeps the downloaded packages and repository metadata in /var/cache/yum: tens to hundreds of megabytes committed into the layer. Cleaning in a later RUN does not shrink the earlier layer.',
      bad: 'FROM centos:7\nRUN yum install -y httpd-2.4.6',
      good: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all',
      fixSafety: 'Safe: appends ` && yum clean all` after the last command of the RUN, so the RUN fails exactly when it failed before. No fix when the last command is inside a compound command, backgrounded, run through a wrapper such as sudo, or the RUN is in exec form.',
      presets: '`recommended` and `all` count only stages that end up in the built image (the last stage and the stages it builds on; an ONBUILD trigger always counts): the cache in a build stage the image only copies from reaches nobody. `hadolint` reports every stage, as DL3032 does.',
    },
  },
  create(ctx) {
    const hadolint = ctx.settings.preset === 'hadolint';
    return {
      run(run, info) {
        // a stage the image only copies from leaves its layers behind
        if (!hadolint && !info.onbuild && !shipsInImage(ctx.model, info.stage)) return;
        const spc = uncleanedDownload(run, 'yum');
        if (!spc) return;
        const edit = spc.wrapped || spc.program.value !== spc.program.text ? undefined : appendCommand(run, ctx.source, `${spc.program.text} clean all`);
        ctx.report({
          span: spc.command,
          message: '`yum clean all` is missing after this yum command: its package cache stays in the layer',
          ...(edit ? { fix: fix('append yum clean all', 'safe', edit) } : {}),
        });
      },
    };
  },
});
