import { defineRule } from '../src/linter/rule.ts';
import { unpinnedPackages, unpinnedPipxPackages } from '../src/model/pinning.ts';

export default defineRule({
  meta: {
    id: 'pip-pin-versions',
    aliases: ['DL3013'],
    severity: 'warning',
    category: 'correctness',
    docs: {
      summary: 'Pin the versions of packages installed with pip',
      description:
        'Reports each package of `pip install` (also `pip3`, `python -m pip`) and `pipx install` written without a version specifier '
        + '(`flask==3.0.3`, `flask~=3.0`, `flask>=3,<4`) and VCS URLs without `@revision`. Requirement files (`-r`), constraint files (`-c`), '
        + 'local paths, archives, other URLs and packages named by a variable are not reported.',
      why: 'An unpinned package resolves to the newest release at build time: rebuilds are not reproducible and a breaking release reaches the image unnoticed.',
      bad: 'FROM python:3.13-slim\nRUN pip install --no-cache-dir flask\n',
      good: 'FROM python:3.13-slim\nRUN pip install --no-cache-dir flask==3.0.3\n',
      fixSafety: 'No fix: which version to pin is your choice.',
    },
  },
  create(ctx) {
    const report = (pkg: { start: number; end: number; value?: string }, tool: string) =>
      ctx.report({ span: pkg, message: `Pin the version of \`${pkg.value}\`: \`${tool} install ${pkg.value}==<version>\` (or use a requirements file)` });
    return {
      run(run) {
        for (const install of run.installs) {
          if (install.manager !== 'pip') continue;
          for (const pkg of unpinnedPackages(install)) report(pkg, 'pip');
        }
        for (const command of run.commands) {
          for (const pkg of unpinnedPipxPackages(command) ?? []) report(pkg, 'pipx');
        }
      },
    };
  },
});
