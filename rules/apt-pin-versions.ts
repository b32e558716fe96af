import { defineRule } from '../src/linter/rule.ts';
import { unpinnedPackages } from '../src/model/pinning.ts';

export default defineRule({
  meta: {
    id: 'apt-pin-versions',
    aliases: ['DL3008'],
    severity: 'warning',
    category: 'correctness',
    docs: {
      summary: 'Pin the versions of packages installed with apt-get',
      description: 'Reports each package of `apt-get install` / `apt install` written without `=version` (`curl=7.88.1-10+deb12u8`, `curl=7.88.*`). Local `.deb` files and packages named by a variable are not reported.',
      why: 'Without versions, rebuilding the same Dockerfile installs whatever the mirror has that day: builds stop being reproducible and an upstream change can break the image without a change of yours.',
      bad: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
      good: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8\n',
      fixSafety: 'No fix: the right version depends on the distribution release and the mirror.',
    },
  },
  create(ctx) {
    return {
      run(run) {
        for (const install of run.installs) {
          if (install.manager !== 'apt-get' && install.manager !== 'apt') continue;
          for (const pkg of unpinnedPackages(install)) {
            ctx.report({ span: pkg, message: `Pin the version of \`${pkg.value}\`: \`${install.manager} install ${pkg.value}=<version>\`` });
          }
        }
      },
    };
  },
});
