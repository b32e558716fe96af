import { fix, insertAt } from '../src/fix/edits.ts';
import { mountsHold } from '../src/model/cache-mount.ts';
import { defineRule } from '../src/linter/rule.ts';
import { hasFlag, subcommandWords, type RunInfo, type ShellCommand } from '../src/model/index.ts';
import { shipsInImage } from '../src/model/stages.ts';


// pip reads boolean options from the environment with these spellings
const TRUE_VALUES = new Set(['1', 'true', 'yes', 'on', 'y', 't']);
const PIP_CACHE_DIRS = ['/root/.cache/pip'];

const truthy = (value: string | undefined) => value !== undefined && TRUE_VALUES.has(value.toLowerCase());

/** PIP_NO_CACHE_DIR as `cmd` sees it from the script: `VAR=1 pip ...` or an earlier `export VAR=1` */
function scriptSetting(run: RunInfo, cmd: ShellCommand): string | undefined {
  const inline = cmd.assignments.find((a) => a.name === 'PIP_NO_CACHE_DIR');
  if (inline) return inline.value.value ?? '';
  let value: string | undefined;
  for (const c of run.commands) {
    if (c.start >= cmd.start || c.name?.value !== 'export' || c.inSubshell) continue;
    for (const a of c.args) {
      const v = a.value ?? '';
      if (v.startsWith('PIP_NO_CACHE_DIR=')) value = v.slice('PIP_NO_CACHE_DIR='.length);
    }
  }
  return value;
}

export default defineRule({
  meta: {
    id: 'pip-no-cache-dir',
    aliases: ['DL3042'],
    severity: 'warning',
    category: 'size',
    fixable: 'safe',
    docs: {
      summary: 'Use `pip install --no-cache-dir`',
      description: 'Reports `pip install` (also `pip3`, `python -m pip`) without `--no-cache-dir`, unless `PIP_NO_CACHE_DIR` is set to a true value (by ENV, inline `PIP_NO_CACHE_DIR=1 pip ...` or an earlier `export` in the same RUN) or a cache or tmpfs mount covers /root/.cache/pip. Only stages that end up in the built image count (the last stage and the stages it builds on); an ONBUILD trigger always counts.',
      why: 'pip stores every downloaded and built wheel in ~/.cache/pip. In an image that cache is never used again but is committed into the layer, often tens of megabytes.',
      bad: 'FROM python:3.13-slim\nRUN pip install flask==3.1.0',
      good: 'FROM python:3.13-slim\nRUN pip install --no-cache-dir flask==3.1.0',
      fixSafety: 'Safe: adds `--no-cache-dir` after `install`; pip installs the same packages, it only stops keeping the cache.',
      presets: 'hadolint: DL3042\'s semantics, every stage.',
    },
  },
  create(ctx) {
    const hadolint = ctx.settings.preset === 'hadolint';
    return {
      run(run, info) {
        if (mountsHold(run, PIP_CACHE_DIRS)) return;
        // the cache of a stage the image only copies from never reaches it
        if (!hadolint && !info.onbuild && !shipsInImage(ctx.model, info.stage)) return;
        for (const install of run.installs) {
          if (install.manager !== 'pip' || install.action !== 'install') continue;
          const cmd = install.command;
          if (hasFlag(cmd, 'no-cache-dir')) continue;
          const setting = scriptSetting(run, cmd) ?? info.scope.value('PIP_NO_CACHE_DIR');
          if (truthy(setting)) continue;
          const sub = subcommandWords(cmd, 'pip', 1)[0];
          ctx.report({
            span: cmd,
            message: '`pip install` keeps its download cache in the image: add `--no-cache-dir`',
            ...(sub && run.editable ? { fix: fix('add --no-cache-dir', 'safe', insertAt(sub.end, ' --no-cache-dir')) } : {}),
          });
        }
      },
    };
  },
});
