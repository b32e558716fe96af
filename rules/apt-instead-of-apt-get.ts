import { fix, replace } from '../src/fix/edits.ts';
import { defineRule } from '../src/linter/rule.ts';
import { subcommandWords, unwrap } from '../src/model/index.ts';

// subcommands that apt-get runs the same way (not `upgrade`: apt's also installs new dependencies)
const SAME_IN_APT_GET = new Set([
  'install', 'remove', 'purge', 'autoremove', 'update', 'clean', 'autoclean', 'dist-upgrade', 'source', 'build-dep', 'download', 'check',
]);

export default defineRule({
  meta: {
    id: 'apt-instead-of-apt-get',
    aliases: ['DL3027'],
    severity: 'warning',
    category: 'maintainability',
    fixable: 'safe',
    docs: {
      summary: 'Use `apt-get` or `apt-cache` in scripts, not `apt`',
      description: 'Reports commands run with `apt`, the interactive front end of APT.',
      why: '`apt` is made for people at a terminal: its output and behaviour may change between releases and it warns that its interface is not stable for scripts. `apt-get` and `apt-cache` keep a stable interface.',
      bad: 'FROM debian:bookworm\nRUN apt update && apt install -y curl',
      good: 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl',
      fixSafety: 'Safe for the subcommands that apt-get runs the same way (install, remove, purge, autoremove, update, clean, dist-upgrade, ...): replaces `apt` with `apt-get`. No fix for `apt upgrade` (apt also installs new dependencies there, apt-get does not), `apt full-upgrade`, and query commands such as `search` or `show`, whose apt-cache output differs.',
    },
  },
  create(ctx) {
    return {
      run(run) {
        for (const cmd of run.commands) {
          const real = unwrap(cmd);
          if (real.program !== 'apt' || !real.name) continue;
          const sub = subcommandWords(real, 'apt', 1)[0]?.value;
          const name = real.name;
          const fixable = run.editable && sub !== undefined && SAME_IN_APT_GET.has(sub) && name.text === name.value;
          ctx.report({
            span: cmd,
            message: '`apt` is meant for interactive use: use `apt-get` (or `apt-cache` for queries) in a Dockerfile',
            ...(fixable ? { fix: fix('replace apt with apt-get', 'safe', replace(name, `${name.text}-get`)) } : {}),
          });
        }
      },
    };
  },
});
