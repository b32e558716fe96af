import { fix } from '../src/fix/edits.ts';
import { defineRule } from '../src/linter/rule.ts';
import { appendCommand } from '../src/fix/script-edit.ts';
import { uncleanedDownload } from '../src/model/system-packages.ts';
import { shipsInImage } from '../src/model/stages.ts';

export default defineRule({
  meta: {
    id: 'dnf-clean-missing',
    aliases: ['DL3040'],
    severity: 'warning',
    category: 'size',
    fixable: 'safe',
    docs: {
      summary: 'Run `dnf clean all` in the same RUN as `dnf install`',
      description: 'Reports a RUN whose `dnf` or `microdnf` command that downloads packages (install, upgrade, reinstall, ...) is not followed by `dnf clean all` (`microdnf clean all` for microdnf) or an `rm` of /var/cache/dnf, /var/cache/yum or /var/cache/libdnf5 in the same RUN. A cache or tmpfs mount on the cache directory counts as cleaned.',
      why: 'dnf keeps downloaded packages and repository metadata in its cache directory, which is committed into the layer. A clean in a later RUN does not make the earlier layer smaller.',
      bad: 'FROM fedora:41\nRUN dnf install -y httpd-2.4.62',
      good: 'FROM fedora:41\nRUN dnf install -y httpd-2.4.62 && dnf clean all',
      fixSafety: 'Safe: appends ` && dnf clean all` (or `microdnf clean all`) after the last command of the RUN, so the RUN fails exactly when it failed before. No fix when the last command is inside a compound command, backgrounded, run through a wrapper such as sudo, or the RUN is in exec form.',
      presets: '`recommended` and `all` count only stages that end up in the built image (the last stage and the stages it builds on; an ONBUILD trigger always counts): the cache in a build stage the image only copies from reaches nobody. `hadolint` reports every stage, as DL3040 does.',
    },
  },
  create(ctx) {
    const hadolint = ctx.settings.preset === 'hadolint';
    return {
      run(run, info) {
        // a stage the image only copies from leaves its layers behind
        if (!hadolint && !info.onbuild && !shipsInImage(ctx.model, info.stage)) return;
        for (const manager of ['dnf', 'microdnf'] as const) {
          const spc = uncleanedDownload(run, manager);
          if (!spc) continue;
          const clean = `${spc.program.text} clean all`;
          const edit = spc.wrapped || spc.program.value !== spc.program.text ? undefined : appendCommand(run, ctx.source, clean);
          ctx.report({
            span: spc.command,
            message: `\`${clean}\` is missing after this ${manager} command: its package cache stays in the layer`,
            ...(edit ? { fix: fix(`append ${clean}`, 'safe', edit) } : {}),
          });
        }
      },
    };
  },
});
