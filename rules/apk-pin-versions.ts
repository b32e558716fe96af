import { defineRule } from '../src/linter/rule.ts';
import { unpinnedPackages } from '../src/model/pinning.ts';
import { reportUnpinned, versionsOf } from './shared/unpinned.ts';

export default defineRule({
  meta: {
    id: 'apk-pin-versions',
    aliases: ['DL3018'],
    severity: 'warning',
    category: 'correctness',
    docs: {
      summary: 'Pin the versions of packages installed with apk',
      description: 'Reports each `apk add` with packages written without a version constraint (`flex=2.6.4-r1`, `git~2.45`, `"python3<3.13"`), once per command, naming them. Local `.apk` files, `--virtual` names and packages named by a variable are not reported.',
      why: 'Without versions, rebuilding the same Dockerfile installs whatever the Alpine mirror has that day: builds stop being reproducible and an upstream change can break the image.',
      bad: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
      good: 'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r2\n',
      fixSafety: 'No fix: the right version depends on the Alpine release.',
      presets: 'Off in `recommended`: Alpine mirrors drop a package\'s old version when an update lands, so an exact pin stops building. In `hadolint`, one finding per RUN, as hadolint reports.',
    },
  },
  create(ctx) {
    return {
      run(run) {
        const groups = run.installs
          .filter((install) => install.manager === 'apk')
          .map((install) => {
            const operands = unpinnedPackages(install).map((word) => ({ word, name: word.value! }));
            return { operands, message: (names: string) => `Pin ${versionsOf(operands)} ${names}: \`apk add ${operands[0]!.name}=<version>\`` };
          });
        reportUnpinned(ctx, groups);
      },
    };
  },
});
