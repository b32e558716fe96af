import { fix, replace } from '../src/fix/edits.ts';
import { defineRule } from '../src/linter/rule.ts';

const PROXY_VARIABLES = new Set(['http_proxy', 'https_proxy', 'ftp_proxy', 'no_proxy', 'all_proxy']);

export default defineRule({
  meta: {
    id: 'proxy-in-env',
    aliases: [],
    severity: 'warning',
    category: 'correctness',
    fixable: 'unsafe',
    docs: {
      summary: 'Proxy settings in ENV are baked into the image',
      description: 'Reports `ENV` setting `http_proxy`, `https_proxy`, `ftp_proxy`, `no_proxy` or `all_proxy` (any case).',
      why: 'ENV values persist in the image: every container started from it, anywhere, tries to use your build network\'s proxy, and the proxy address (sometimes with credentials) is visible in `docker inspect`. The proxy variables are predefined build arguments: pass them with `--build-arg` and they are used during the build only, without a declaration.',
      bad: 'FROM debian\nENV http_proxy=http://proxy.corp:3128\nRUN apt-get update\n',
      good: 'FROM debian\n# docker build --build-arg http_proxy=http://proxy.corp:3128 .\nRUN apt-get update\n',
      fixSafety: 'Unsafe: turns the `ENV` into an `ARG` with the same default, so RUN still sees the proxy but containers do not. Offered only when every variable of the instruction is a proxy variable written `key=value` and no other stage builds on this one (they would inherit an ENV but not an ARG); a program that needs the proxy at run time loses it.',
    },
  },
  create(ctx) {
    return {
      ENV(ins, info) {
        const proxies = ins.pairs.filter((p) => PROXY_VARIABLES.has(p.key.value.toLowerCase()));
        if (proxies.length === 0) return;
        const inherited = [...(info.stage?.usedBy ?? [])].some((s) => s.baseStage === info.stage);
        const convertible = proxies.length === ins.pairs.length && ins.pairs.every((p) => p.separator === '=') && !inherited;
        const keyword = ins.keywordWord;
        const arg = keyword.raw === keyword.raw.toLowerCase() ? 'arg' : 'ARG';
        proxies.forEach((pair, i) => {
          ctx.report({
            span: pair.key,
            message: `\`${pair.key.value}\` set with ENV stays in the image and applies to every container; pass it with \`--build-arg ${pair.key.value}=...\` instead (proxy variables are predefined build arguments)`,
            // one fix for the whole instruction, on its first proxy variable
            ...(convertible && i === 0 ? { fix: fix('turn the proxy ENV into an ARG', 'unsafe', replace(keyword, arg)) } : {}),
          });
        });
      },
    };
  },
});
