import { fix, insertAt, lineEnding } from '../src/fix/edits.ts';
import type { TextEdit } from '../src/linter/types.ts';
import { appendCommand } from '../src/fix/script-edit.ts';
import { shipsInImage } from '../src/model/stages.ts';
import { defineRule } from '../src/linter/rule.ts';
import type { FixSafety } from '../src/linter/types.ts';
import {
  APT_ARCHIVES_DIR, APT_LISTS_DIR, aptInstalls, aptKeepsArchives, aptListUpdates, removesAptLists, removesDirectory,
} from '../src/model/apt.ts';
import { isCommand, parseShell, type DockerfileModel, type InstructionInfo, type RunInfo, type Stage } from '../src/model/index.ts';
import { mountsHold } from '../src/model/cache-mount.ts';
import { perModel } from '../src/model/per-model.ts';

const APT_CLEANS = [['apt-get', 'clean'], ['apt-get', 'autoclean'], ['apt', 'clean'], ['apt', 'autoclean'], ['aptitude', 'clean']] as const;
const REMOVE_LISTS = 'rm -rf /var/lib/apt/lists/*';

export default defineRule({
  meta: {
    id: 'apt-lists-not-removed',
    aliases: ['DL3009'],
    severity: 'info',
    category: 'size',
    fixable: 'both',
    docs: {
      summary: 'Remove the apt package lists in the RUN that downloads them',
      description:
        'Reports a RUN that runs `apt-get update` (or `apt update`, `aptitude update`) and leaves /var/lib/apt/lists in the layer: '
        + 'no `rm -rf /var/lib/apt/lists/*` (or `apt-get dist-clean`) after it in the same RUN, and no cache or tmpfs mount on that directory. '
        + 'Only stages that end up in the built image count (the last stage and the stages it builds on); an ONBUILD trigger always counts. '
        + 'It also reports an install whose downloaded `.deb` files stay in /var/cache/apt after the `docker-clean` hook was removed '
        + 'and that directory is not mounted.',
      why: 'The package lists are tens of megabytes that the running container never needs; once a layer holds them, deleting them in a later RUN does not make the image smaller.',
      bad: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl',
      good: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*',
      fixSafety:
        'Safe: appends `&& rm -rf /var/lib/apt/lists/*` to the RUN that installs (in a heredoc script, a new last line, or `&&` on the last line '
        + 'when the script does not `set -e`), which keeps the exit status. Unsafe when a later RUN of the image installs with apt without '
        + 'running `apt-get update` itself (it relied on these lists), or for an ONBUILD trigger (the later RUNs are not known). '
        + 'No fix for a RUN that only updates, for exec form, or when the archives are what is left.',
    },
  },
  create(ctx) {
    const { model, source } = ctx;
    return {
      run(run, info) {
        if (!info.onbuild && !shipsInImage(model, info.stage)) return;
        const updates = aptListUpdates(run);
        const lastUpdate = updates[updates.length - 1];
        const installs = aptInstalls(run);
        if (lastUpdate && !mountsHold(run, [APT_LISTS_DIR]) && !removesAptLists(run, lastUpdate.start)) {
          const edit = installs.some((i) => i.start > lastUpdate.start) ? appendRemoval(run, source) : undefined;
          const safety: FixSafety = info.onbuild || laterInstallNeedsLists(model, info) ? 'unsafe' : 'safe';
          ctx.report({
            span: lastUpdate,
            message: 'The apt package lists downloaded here stay in the layer: remove /var/lib/apt/lists/* at the end of this RUN',
            ...(edit ? { fix: fix('remove the apt lists at the end of the RUN', safety, edit) } : {}),
          });
          return;
        }
        const lastInstall = installs[installs.length - 1];
        if (lastInstall && !mountsHold(run, [APT_ARCHIVES_DIR]) && !removesDirectory(run, APT_ARCHIVES_DIR, lastInstall.start)
          && !run.commands.some((c) => c.start > lastInstall.start && APT_CLEANS.some(([p, sub]) => isCommand(c, p, sub)))
          && aptKeepsArchives(model, info.ins)) {
          ctx.report({
            span: lastInstall,
            message: 'With docker-clean removed, the downloaded .deb files stay in /var/cache/apt: mount a cache there or clean it in this RUN',
          });
        }
      },
    };
  },
});

/** a later RUN of the image that installs with apt and does not update the lists itself */
function laterInstallNeedsLists(model: DockerfileModel, info: InstructionInfo): boolean {
  return info.stage !== undefined && (lastListUserOf(model).get(info.stage) ?? -1) > info.ins.start;
}

/**
 * Per stage, where the last RUN that installs with apt without updating the lists first starts,
 * in the stage or a stage built on it: one pass over the file and one over the stages.
 */
const lastListUserOf = perModel((model) => {
  const last = new Map<Stage, number>();
  for (const other of model.instructions) {
    const run = other.onbuild || !other.stage ? undefined : model.run(other.ins);
    const first = run ? aptInstalls(run)[0] : undefined;
    if (run && first && !aptListUpdates(run).some((u) => u.start < first.start)) last.set(other.stage!, other.ins.start);
  }
  // a stage is built on stages above it: from the last stage up, each hands its latest to the one it builds on
  for (let i = model.stages.length - 1; i >= 0; i--) {
    const stage = model.stages[i]!;
    const own = last.get(stage);
    const base = stage.baseStage;
    if (own !== undefined && base && base !== stage && (last.get(base) ?? -1) < own) last.set(base, own);
  }
  return last;
});

/**
 * The edit that runs the removal last, keeping the RUN's exit status: `&& rm ...` after the last
 * command (model `appendCommand`), or, in a heredoc script under `set -e`, a new last line
 * (checked by parsing the result).
 */
function appendRemoval(run: RunInfo, source: string): TextEdit | undefined {
  const script = run.scripts[run.scripts.length - 1];
  const heredoc = run.ins.heredocs.find((h) => h.content === script?.source);
  const setsE = script?.commands.some((c) => !c.inSubshell && c.name?.value === 'set' && c.args.some((a) => /^-[a-z]*e/.test(a.value ?? ''))) ?? false;
  if (!run.editable || !heredoc || !setsE) return appendCommand(run, source, REMOVE_LISTS);
  const trimmed = heredoc.content.replace(/\s+$/, '');
  const indent = /(^|\n)([ \t]*)[^\n]*$/.exec(trimmed)?.[2] ?? '';
  const addition = `${lineEnding(source)}${indent}${REMOVE_LISTS}`;
  const parsed = parseShell(trimmed + addition);
  const last = parsed.commands.at(-1);
  if (parsed.errors.length > 0 || !last || last.inSubshell || last.inCondition || parsed.source.slice(last.start, last.end) !== REMOVE_LISTS) return undefined;
  return insertAt(heredoc.contentSpan.start + trimmed.length, addition);
}
