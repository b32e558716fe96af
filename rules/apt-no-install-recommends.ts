import { fix, insertAt } from '../src/fix/edits.ts';
import { defineRule } from '../src/linter/rule.ts';
import { hasFlag, type Stage } from '../src/model/index.ts';
import { aptSimulates } from '../src/model/apt.ts';
import { isDevContainerImage } from '../src/model/image.ts';
import { isEnvironmentImage } from '../src/model/stages.ts';
import { stageChain } from '../src/model/stage-chain.ts';
import {
  aptInstalledBefore, aptPackageName, aptRecommendsOff, CA_CERTIFICATES, recommendsEffect, type RecommendsEffect,
} from '../src/model/apt-recommends.ts';

/** names a message lists before "and more" */
const LISTED = 5;

/** "a, b and more" */
const list = (names: readonly string[], more: boolean): string =>
  `${names.slice(0, LISTED).join(', ')}${names.length > LISTED || more ? ' and more' : ''}`;

function leftOut(effect: RecommendsEffect): string {
  const { dropped, programs } = effect;
  if (dropped.length === 0) return '';
  const others = effect.unknown.length > 0 ? ' (and whatever the other packages recommend)' : '';
  const active = programs.length > 0 ? `, with programs a later step may run (${list(programs, false)})` : '';
  return `: on Debian 12 it leaves out ${list(dropped, effect.more)}${others}${active}`;
}

export default defineRule({
  meta: {
    id: 'apt-no-install-recommends',
    aliases: ['DL3015'],
    severity: 'info',
    category: 'size',
    fixable: 'safe',
    docs: {
      summary: 'Avoid additional packages by specifying `--no-install-recommends`',
      description:
        'Reports `apt-get install` / `apt install` without `--no-install-recommends` (or `-o APT::Install-Recommends=false`), unless an earlier step of the stage, '
        + 'or of a stage it builds on, configured APT not to install recommended packages (`APT::Install-Recommends "false";` written to /etc/apt/apt.conf or '
        + '/etc/apt/apt.conf.d/, by a RUN or a COPY heredoc, or a file named `*no-recommends*` copied there). The message names what the flag leaves out on '
        + 'Debian 12, from a table of the packages Dockerfiles install most (`scripts/gen-apt-recommends.ts` simulates both installs in debian:bookworm; for several packages it names the union of their lists, which can overstate what one of them already depends on).',
      why: 'APT installs "recommended" packages by default: often tens of megabytes the image never uses (`python3-pip` alone recommends a C toolchain: 122 packages on Debian 12).',
      bad: 'RUN apt-get update && apt-get install -y curl',
      good: 'RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl',
      fixSafety:
        'Adds `--no-install-recommends` after `install`, and `ca-certificates` to the same install when one of its packages pulls it in only as a recommendation '
        + '(curl, wget, git through libcurl and libssl: without it every later `https://` download fails) and neither this install nor an '
        + 'earlier one of the stage names it. The libraries and data the flag leaves out are removed on purpose (the message lists them). Safe when every '
        + 'package is in the table and nothing left out ships a program; unsafe when a left-out package ships one (git\'s ssh, less and patch, gpg\'s '
        + 'dirmngr, python3-pip\'s compilers: a later step or the running image may call it) or a package is not in the table or is a variable '
        + '(what it recommends is not known).',
      presets: 'Outside `hadolint`: not reported in a build stage (one the final image does not build on: nothing of it ships, and toolchains there often rely on what they recommend), nor in a dev container (FROM `mcr.microsoft.com/devcontainers/*`) or a build environment (an image that runs no program of its own, on a toolchain image or a `FROM ${BASE}` one, as CI and cross-build images are): their users rely on what packages recommend; nor after an APT configuration that turns recommends off, nor for a simulated install (`apt-get install -s`), nor when every package is in the table and the flag would leave out nothing. In `hadolint`, every install without the flag is reported, as hadolint does.',
    },
  },
  create(ctx) {
    const model = ctx.model;
    const hadolint = ctx.settings.preset === 'hadolint';
    // the stages whose files make the final image; a build stage's only cost build time
    const shipped = new Set(model.finalStage ? stageChain(model.finalStage) : []);
    const environment = model.finalStage !== undefined && isEnvironmentImage(model.finalStage);
    // per stage, whether it starts from a dev container image (a base comes before the stages built on it)
    const devContainer = new Map<Stage, boolean>();
    for (const s of model.stages) devContainer.set(s, s.baseStage ? devContainer.get(s.baseStage) === true : isDevContainerImage(s.image));
    return {
      run(run, info) {
        if (!hadolint && info.stage && (!shipped.has(info.stage) || environment || devContainer.get(info.stage) === true)) return;
        for (const install of run.installs) {
          if (install.manager !== 'apt-get' && install.manager !== 'apt') continue;
          const cmd = install.command;
          if (hasFlag(cmd, 'no-install-recommends') || (!hadolint && aptSimulates(cmd))) continue;
          if (cmd.args.some((a) => /APT::Install-Recommends=(false|0|no)/i.test(a.value ?? a.text))) continue;
          // an ONBUILD trigger runs after the whole stage was built
          const at = info.onbuild ? Infinity : cmd.start;
          if (!hadolint && info.stage && aptRecommendsOff(model, info.stage, at)) continue;
          const effect = recommendsEffect(install);
          // on Debian 12 the flag would change nothing
          if (!hadolint && effect.unknown.length === 0 && effect.dropped.length === 0) continue;
          const needsCa = effect.dropped[0] === CA_CERTIFICATES
            && !install.packages.some((p) => aptPackageName(p) === CA_CERTIFICATES)
            && !(info.stage && aptInstalledBefore(model, info.stage, at, CA_CERTIFICATES));
          const sub = cmd.args.find((a) => a.value === 'install' || a.value === 'reinstall');
          const last = install.packages[install.packages.length - 1];
          const edits = sub && run.editable ? [insertAt(sub.end, ' --no-install-recommends')] : [];
          if (edits.length > 0 && needsCa && last) edits.push(insertAt(last.end, ` ${CA_CERTIFICATES}`));
          ctx.report({
            span: { start: cmd.start, end: cmd.end },
            message: `Avoid additional packages by specifying \`--no-install-recommends\`${leftOut(effect)}${needsCa ? '; keep ca-certificates by naming it, as the fix does' : ''}`,
            ...(edits.length > 0
              ? { fix: fix(`add --no-install-recommends${needsCa ? ' and ca-certificates' : ''}`, effect.unknown.length === 0 && effect.programs.length === 0 ? 'safe' : 'unsafe', ...edits) }
              : {}),
          });
        }
      },
    };
  },
});
