import { defineRule } from '../src/linter/rule.ts';
import { unpinnedPackages } from '../src/model/pinning.ts';

export default defineRule({
  meta: {
    id: 'npm-pin-versions',
    aliases: ['DL3016'],
    severity: 'warning',
    category: 'correctness',
    docs: {
      summary: 'Pin the versions of packages installed with npm',
      description:
        'Reports each package of `npm install` (also `npm i`, `npm add`, `-g`) written without `@version`, and git URLs without `#ref`. '
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
        for (const install of run.installs) {
          if (install.manager !== 'npm') continue;
          for (const pkg of unpinnedPackages(install)) {
            ctx.report({ span: pkg, message: `Pin the version of \`${pkg.value}\`: \`npm install ${pkg.value}@<version>\` (or \`#<ref>\` for a git URL)` });
          }
        }
      },
    };
  },
});
