import { fix, replace } from '../src/fix/edits.ts';
import { defineRule } from '../src/linter/rule.ts';

export default defineRule({
  meta: {
    id: 'expose-proto-casing',
    aliases: ['ExposeProtoCasing'],
    severity: 'warning',
    category: 'style',
    fixable: 'unsafe',
    docs: {
      summary: 'The protocol in EXPOSE should be lower case',
      description: 'Reports `EXPOSE 80/TCP` and the like: a protocol (`tcp`, `udp`, `sctp`) with upper-case letters.',
      why: 'Docker normalizes the protocol to lower case; writing it upper case suggests it matters and is inconsistent with `docker run -p 80/tcp` and the image config.',
      bad: 'FROM nginx\nEXPOSE 80/TCP\n',
      good: 'FROM nginx\nEXPOSE 80/tcp\n',
      fixSafety: 'Unsafe: lower-cases the protocol. Docker lower-cases it anyway, so there the image is the same; Buildah and Podman record it as written (measured with Buildah 1.28: `53/UDP` in the image config), so there the fixed image\'s exposed ports change spelling.',
    },
  },
  create(ctx) {
    return {
      EXPOSE(ins) {
        for (const port of ins.ports) {
          const slash = port.raw.lastIndexOf('/');
          if (slash === -1) continue;
          const proto = port.raw.slice(slash + 1);
          if (proto === proto.toLowerCase() || proto.includes('$')) continue;
          const exact = port.end - port.start === port.raw.length;
          const span = exact ? { start: port.start + slash + 1, end: port.end } : port;
          ctx.report({
            span,
            message: ctx.settings.preset === 'buildkit'
              ? `Defined protocol '${port.value}' in EXPOSE instruction should be lowercase`
              : `Protocol '${proto}' in EXPOSE should be lower case: '${proto.toLowerCase()}'`,
            ...(exact ? { fix: fix('lower-case the protocol', 'unsafe', replace(span, proto.toLowerCase())) } : {}),
          });
        }
      },
    };
  },
});
