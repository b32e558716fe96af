import { fix, remove } from '../src/fix/edits.ts';
import { defineRule } from '../src/linter/rule.ts';

const TARGET_PLATFORM = /^\$(?:TARGETPLATFORM|\{TARGETPLATFORM\})$/;

export default defineRule({
  meta: {
    id: 'redundant-target-platform',
    aliases: ['DL3065', 'RedundantTargetPlatform'],
    severity: 'warning',
    category: 'style',
    fixable: 'safe',
    docs: {
      summary: '`FROM --platform=$TARGETPLATFORM` is the default',
      description: 'Reports `FROM --platform=$TARGETPLATFORM` (or `${TARGETPLATFORM}`): a stage is built for the target platform unless told otherwise.',
      why: 'The flag adds nothing and suggests the stage is special; `--platform` is worth reading only where it changes something, e.g. `--platform=$BUILDPLATFORM` for a cross-compiling build stage.',
      bad: 'FROM --platform=$TARGETPLATFORM alpine:3.20',
      good: 'FROM alpine:3.20',
      fixSafety: 'Safe: removes the flag; the stage keeps being built for the target platform.',
    },
  },
  create(ctx) {
    return {
      FROM(ins) {
        for (const flag of ins.flags) {
          if (flag.name !== 'platform' || flag.value === undefined || !TARGET_PLATFORM.test(flag.value)) continue;
          // the flag and the blanks after it, so `FROM alpine` stays single-spaced
          let end = flag.end;
          while (ctx.source[end] === ' ' || ctx.source[end] === '\t') end++;
          const editable = ins.comments.length === 0 && !ctx.source.slice(flag.start, end).includes('\n');
          ctx.report({
            span: flag,
            message: ctx.settings.preset === 'buildkit'
              ? `Setting platform to predefined ${flag.value} in FROM is redundant as this is the default behavior`
              : 'Building for `$TARGETPLATFORM` is the default: `--platform=$TARGETPLATFORM` is redundant',
            ...(editable ? { fix: fix('remove --platform=$TARGETPLATFORM', 'safe', remove({ start: flag.start, end })) } : {}),
          });
        }
      },
    };
  },
});
