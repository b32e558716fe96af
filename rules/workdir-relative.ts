import { fix, replace } from '../src/fix/edits.ts';
import { defineRule } from '../src/linter/rule.ts';
import { goQuote } from '../src/linter/buildkit-messages.ts';
import { isAbsolutePath, resolveWorkdir, workdirBefore, workdirSetBefore, workdirValue } from '../src/model/workdir.ts';

/** a path that can be written as a WORKDIR argument without quoting or escaping */
const PLAIN_PATH = /^\/[A-Za-z0-9._@+,:=%/-]*$/;

export default defineRule({
  meta: {
    id: 'workdir-relative',
    aliases: ['DL3000', 'WorkdirRelativePath'],
    severity: 'error',
    category: 'correctness',
    fixable: 'safe',
    docs: {
      summary: 'WORKDIR should be an absolute path',
      description:
        'Reports a WORKDIR whose path (after resolving ARGs and ENVs, quotes removed) is relative. Windows paths such as `C:\\app` are absolute. '
        + 'A path that depends on a variable without a known value is not reported.',
      why: 'A relative WORKDIR is resolved against the working directory before it, which may come from the base image: when the base image changes its WORKDIR, files land elsewhere without any change to this Dockerfile.',
      bad: 'FROM node:22\nWORKDIR app\n',
      good: 'FROM node:22\nWORKDIR /app\n',
      fixSafety:
        'Safe: when the working directory before it is known (an absolute WORKDIR earlier in the stage or a stage it builds on, or `FROM scratch`), '
        + 'the path is replaced by the absolute path BuildKit resolves it to, so the build does the same. No fix when that directory comes from an external base image or for an ONBUILD trigger.',
      presets:
        'recommended and all: only a WORKDIR relative to the base image\'s working directory is reported; one relative to a directory this Dockerfile set (or `FROM scratch`) is fully determined. '
        + 'hadolint: DL3000, every relative WORKDIR. buildkit: WorkdirRelativePath, a relative WORKDIR when no WORKDIR came before it in the stage or a stage it builds on.',
    },
  },
  create(ctx) {
    const { model } = ctx;
    const preset = ctx.settings.preset;
    return {
      WORKDIR(ins, info) {
        const word = ins.argument;
        const value = word ? workdirValue(ins, info) : undefined;
        if (!word || value === undefined || value === '' || isAbsolutePath(value)) return;
        const previous = workdirBefore(model, ins);
        const absolute = previous === undefined ? undefined : resolveWorkdir(previous, value);
        const plain = absolute !== undefined && PLAIN_PATH.test(absolute) && !word.raw.includes('$');
        const absoluteFix = plain ? { fix: fix(`use the absolute path ${absolute}`, 'safe', replace(word, absolute)) } : {};
        // BuildKit checks only the first WORKDIR of a stage and the stages it builds on
        if (preset === 'buildkit') {
          if (workdirSetBefore(model, ins)) return;
          ctx.report({ span: word, message: `Relative workdir ${goQuote(value)} can have unexpected results if the base image changes`, ...absoluteFix });
          return;
        }
        if (absolute === undefined) {
          ctx.report({ span: word, message: `WORKDIR \`${value}\` is relative to the working directory of the base image, which can change: use an absolute path` });
          return;
        }
        // relative to a directory this file set: determined
        if (preset === 'recommended' || preset === 'all') return;
        ctx.report({ span: word, message: `WORKDIR \`${value}\` is relative: write the absolute path \`${absolute}\``, ...absoluteFix });
      },
    };
  },
});
