import { defineRule } from '../src/linter/rule.ts';
import { unpinnedPackages } from '../src/model/pinning.ts';
import { reportUnpinned, versionsOf } from './shared/unpinned.ts';

export default defineRule({
  meta: {
    id: 'npm-pin-versions',
    aliases: ['DL3016'],
    severity: 'warning',
    category: 'correctness',
    docs: {
      summary: 'Pin the versions of packages installed with npm',
      description:
        'Reports each `npm install` (also `npm i`, `npm add`, `-g`) with packages written without `@version` or git URLs without `#ref`, once per command, naming them. '
        + '`npm install` / `npm ci` without packages (versions from package.json and the lockfile), tarballs, folders and packages named by a variable are not reported.',
      why: 'An unpinned package resolves to the newest release at build time: rebuilds are not reproducible and a bad release reaches the image unnoticed.',
      bad: 'FROM node:22\nRUN npm install -g typescript\n',
      good: 'FROM node:22\nRUN npm install -g typescript@5.6.3\n',
      fixSafety: 'No fix: which version to pin is your choice.',
    },
  },
  create(ctx) {
    return {
      run(run) {
        const groups = run.installs.filter((install) => install.manager === 'npm').map((install) => {
          const operands = unpinnedPackages(install).map((word) => ({ word, name: word.value! }));
          return { operands, message: (names: string) => `Pin ${versionsOf(operands)} ${names}: \`npm install ${operands[0]!.name}@<version>\` (or \`#<ref>\` for a git URL)` };
        });
        reportUnpinned(ctx, groups);
      },
    };
  },
});
