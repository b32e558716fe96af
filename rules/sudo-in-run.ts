import { defineRule } from '../src/linter/rule.ts';
import type { StringInstruction } from '../src/parser/ast.ts';
import type { ShellCommand } from '../src/model/shell/index.ts';
import { stageRootImage } from '../src/model/stages.ts';
import { effectiveUser, imageRunsAsRoot, isRootUser } from '../src/model/user.ts';

/** `sudo -u app ...`, `sudo --user=app`, `sudo -g grp`: sudo's own options name another user or group */
function switchesUser(sudo: ShellCommand): boolean {
  for (const word of sudo.args) {
    const a = word.value ?? word.text;
    if (!a.startsWith('-') || a === '--') return false;
    if (/^-[A-Za-z]*[ug]/.test(a) || /^--(user|group)(=|$)/.test(a)) return true;
  }
  return false;
}

export default defineRule({
  meta: {
    id: 'sudo-in-run',
    aliases: ['DL3004'],
    severity: 'error',
    category: 'security',
    docs: {
      summary: 'Do not use sudo in RUN',
      description: 'Reports every `sudo` command in a RUN (command line, heredoc scripts, `sh -c` strings, ONBUILD triggers).',
      why:
        'RUN already runs as the user set by USER, so sudo only adds a setuid binary, a sudoers file to keep right and a TTY/password prompt that can hang or fail the build. '
        + 'Switch with `USER root` for the steps that need it, or use gosu/su-exec in an entrypoint to drop privileges at run time.',
      bad: 'FROM debian:12\nUSER app\nRUN sudo apt-get update\n',
      good: 'FROM debian:12\nUSER root\nRUN apt-get update\nUSER app\n',
      fixSafety: 'No fix: removing sudo is only right when the RUN already runs as root, and the USER of a base image is not known here.',
      presets: '`recommended` and `all` report sudo only where the RUN certainly runs as root already (after `USER root`, or on a Docker Official Image with no USER in between), where it does nothing but add a setuid binary and a prompt to hang on; not under a non-root USER or an image whose user is unknown (a devcontainer image\'s user with passwordless sudo: sudo escalates for one step and keeps the USER), nor `sudo -u USER` (drops privileges for one step, as su and runuser do). `hadolint` reports every sudo, as DL3004 does.',
    },
  },
  create(ctx) {
    const hadolint = ctx.settings.preset === 'hadolint';
    const { model } = ctx;
    /** the stage's user so far: 'root', a non-root name, or undefined when the base image does not say */
    let user: string | undefined;
    const userOf = (ins: StringInstruction) => model.info(ins).scope.expand(ins.argument?.raw ?? '').value;
    return {
      FROM(_ins, info) {
        const stage = info.stage;
        if (!stage) return;
        // a parent stage's USER, else the user the external image it finally starts from runs as
        const inherited = stage.baseStage ? effectiveUser(stage.baseStage) : undefined;
        user = inherited ? userOf(inherited) : imageRunsAsRoot(stageRootImage(stage)) ? 'root' : undefined;
      },
      USER(ins, info) {
        // an ONBUILD trigger's USER applies to a later image, not to this one
        if (!info.onbuild) user = userOf(ins as StringInstruction);
      },
      run(run, info) {
        const asRoot = !info.onbuild && user !== undefined && isRootUser(user);
        for (const command of run.commands) {
          if (command.program !== 'sudo') continue;
          // sudo escalates from another user, or `sudo -u app` drops privileges for one step
          if (!hadolint && (!asRoot || switchesUser(command))) continue;
          ctx.report({
            span: command.name!,
            message: hadolint
              ? 'Do not use sudo: set USER for the steps that need root, or drop privileges with gosu at run time'
              : 'This RUN already runs as root: drop sudo, which only adds a setuid binary and a password prompt that can hang the build',
          });
        }
      },
    };
  },
});
