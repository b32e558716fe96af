import { defineRule } from '../src/linter/rule.ts';
import { unpinnedPackages } from '../src/model/pinning.ts';

export default defineRule({
  meta: {
    id: 'apk-pin-versions',
    aliases: ['DL3018'],
    severity: 'warning',
    category: 'correctness',
    docs: {
      summary: 'Pin the versions of packages installed with apk',
      description: 'Reports each package of `apk add` written without a version constraint (`flex=2.6.4-r1`, `git~2.45`, `"python3<3.13"`). Local `.apk` files, `--virtual` names and packages named by a variable are not reported.',
      why: 'Without versions, rebuilding the same Dockerfile installs whatever the Alpine mirror has that day: builds stop being reproducible and an upstream change can break the image.',
      bad: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
      good: 'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r2\n',
      fixSafety: 'No fix: the right version depends on the Alpine release.',
    },
  },
  create(ctx) {
    return {
      run(run) {
        for (const install of run.installs) {
          if (install.manager !== 'apk') continue;
          for (const pkg of unpinnedPackages(install)) {
            ctx.report({ span: pkg, message: `Pin the version of \`${pkg.value}\`: \`apk add ${pkg.value}=<version>\`` });
          }
        }
      },
    };
  },
});
