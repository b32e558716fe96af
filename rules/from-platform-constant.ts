import { goQuote } from '../src/linter/buildkit-messages.ts';
import { defineRule } from '../src/linter/rule.ts';
import { findVariableReferences } from '../src/parser/expansion/references.ts';

export default defineRule({
  meta: {
    id: 'from-platform-constant',
    aliases: ['DL3029', 'FromPlatformFlagConstDisallowed'],
    severity: 'warning',
    category: 'correctness',
    docs: {
      summary: 'Do not fix the platform of FROM to a constant',
      description: 'Reports `FROM --platform=<value>` where the value is a constant such as `linux/amd64`. A value built from variables (`$BUILDPLATFORM`, `$TARGETOS/$TARGETARCH`, an ARG) is fine: it follows the platforms the build is asked for. So is a constant in a stage named for that platform (`FROM --platform=linux/arm64 alpine AS build_arm64`), which is meant to be picked per target (`FROM build_${TARGETARCH}`).',
      why: 'A constant platform ignores `docker build --platform`: a multi-platform build produces the same architecture under every platform, and on another host the image runs under emulation or not at all.',
      bad: 'FROM --platform=linux/amd64 debian:bookworm',
      good: 'FROM --platform=$BUILDPLATFORM golang:1.23 AS build',
      fixSafety: 'No fix: whether the stage should follow the build platform or the target platform is your choice. (A redundant `--platform=$TARGETPLATFORM` is another rule\'s matter.)',
    },
  },
  create(ctx) {
    return {
      FROM(ins) {
        const flag = ins.flags.find((f) => f.name.toLowerCase() === 'platform');
        if (!flag) return;
        if (flag.value !== undefined && findVariableReferences(flag.value, ctx.df.escape).length > 0) return;
        // a stage named for its platform (`AS build_arm64`) is meant for that platform only
        const stage = ins.stageName?.value.toLowerCase();
        const parts = (flag.value ?? '').toLowerCase().split('/').filter((p) => p !== '');
        if (stage !== undefined && parts.some((p) => stage.includes(p))) return;
        ctx.report({
          span: flag,
          message: ctx.settings.preset === 'buildkit'
            ? `FROM --platform flag should not use constant value ${goQuote(flag.value ?? '')}`
            : `\`--platform=${flag.value ?? ''}\` fixes this stage to one platform, whatever platform the build is for`,
        });
      },
    };
  },
});
