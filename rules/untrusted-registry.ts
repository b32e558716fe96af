import { defineRule } from '../src/linter/rule.ts';
import type { Span } from '../src/parser/ast.ts';
import { parseImageRef, type InstructionInfo } from '../src/model/index.ts';
import { resolveFromRef } from '../src/model/stage-refs.ts';

// the names Docker Hub answers to
const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
const hostOf = (registry: string | undefined) => {
  const host = (registry ?? 'docker.io').toLowerCase();
  return DOCKER_HUB.has(host) ? 'docker.io' : host;
};

/** `*` trusts everything, `*.example.com` its subdomains, anything else one registry */
function trusted(registry: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => {
    const pattern = p.toLowerCase();
    if (pattern === '*') return true;
    if (pattern.startsWith('*.')) return registry.endsWith(pattern.slice(1));
    return hostOf(pattern) === registry;
  });
}

export default defineRule({
  meta: {
    id: 'untrusted-registry',
    aliases: ['DL3026'],
    severity: 'error',
    category: 'security',
    docs: {
      summary: 'Pull images only from the configured trusted registries',
      description: 'When `trustedRegistries` is configured, reports images from any other registry: in FROM, in `COPY --from=<image>` and in `RUN --mount=from=<image>`. An image without a registry comes from docker.io. Patterns: an exact registry, `*.example.com` for its subdomains, `*` for all. Stage references and `scratch` are not images; ARG values are substituted first. Without the setting the rule reports nothing.',
      why: 'An organisation that vets its base images in its own registry wants every build to use them: an image from elsewhere bypasses that review and can bring in unknown code.',
      bad: '# trustedRegistries: [registry.example.com]\nFROM docker.io/library/debian:bookworm',
      good: '# trustedRegistries: [registry.example.com]\nFROM registry.example.com/debian:bookworm',
      fixSafety: 'No fix: whether a mirror of the image exists in a trusted registry is not known here.',
    },
  },
  create(ctx) {
    const patterns = ctx.settings.trustedRegistries;
    const checkImage = (text: string, span: Span) => {
      const registry = hostOf(parseImageRef(text).registry);
      if (!trusted(registry, patterns)) ctx.report({ span, message: `The image \`${text}\` comes from \`${registry}\`, which is not a trusted registry` });
    };
    const checkFromRef = (value: string, span: Span, info: InstructionInfo) => {
      const ref = resolveFromRef(ctx.model, info, value);
      if (ref.kind !== 'image' && ref.kind !== 'unknown-name') return;
      const text = info.scope.expand(value).value;
      if (text !== undefined) checkImage(text, span);
    };
    if (patterns.length === 0) return {};
    return {
      FROM(ins, info) {
        const stage = info.stage;
        if (!stage || !ins.image || stage.baseStage || stage.image.isScratch || !stage.image.resolved) return;
        checkImage(stage.image.text, ins.image);
      },
      COPY(ins, info) {
        const flag = ins.flags.find((f) => f.name.toLowerCase() === 'from');
        if (!info.onbuild && flag?.value !== undefined) checkFromRef(flag.value, flag.valueSpan ?? flag, info);
      },
      RUN(ins, info) {
        if (info.onbuild) return;
        for (const flag of ins.flags) {
          if (flag.name.toLowerCase() !== 'mount') continue;
          for (const option of flag.options) if (option.key.toLowerCase() === 'from' && option.value) checkFromRef(option.value, option, info);
        }
      },
    };
  },
});
