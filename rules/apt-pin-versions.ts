import { defineRule } from '../src/linter/rule.ts';
import { unpinnedPackages } from '../src/model/pinning.ts';
import { reportUnpinned, versionsOf } from './shared/unpinned.ts';

export default defineRule({
  meta: {
    id: 'apt-pin-versions',
    aliases: ['DL3008'],
    severity: 'warning',
    category: 'correctness',
    docs: {
      summary: 'Pin the versions of packages installed with apt-get',
      description: 'Reports each `apt-get install` / `apt install` with packages written without `=version` (`curl=7.88.1-10+deb12u8`, `curl=7.88.*`), once per install, naming them. Local `.deb` files and packages named by a variable are not reported.',
      why: 'Without versions, rebuilding the same Dockerfile installs whatever the mirror has that day: builds stop being reproducible and an upstream change can break the image without a change of yours.',
      bad: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
      good: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8\n',
      fixSafety: 'No fix: the right version depends on the distribution release and the mirror.',
      presets: 'Off in `recommended`: Debian and Ubuntu mirrors drop a package\'s old version when an update lands, so a pinned install stops building. In `hadolint`, one finding per RUN, as hadolint reports.',
    },
  },
  create(ctx) {
    return {
      run(run) {
        const groups = run.installs
          .filter((install) => install.manager === 'apt-get' || install.manager === 'apt')
          .map((install) => {
            const operands = unpinnedPackages(install).map((word) => ({ word, name: word.value! }));
            return { operands, message: (names: string) => `Pin ${versionsOf(operands)} ${names}: \`apt-get install ${operands[0]!.name}=<version>\`` };
          });
        reportUnpinned(ctx, groups);
      },
    };
  },
});
