import { defineRule } from '../src/linter/rule.ts';
import type { ShellWord } from '../src/model/index.ts';
import { unpinnedPackages, unpinnedPipxPackages } from '../src/model/pinning.ts';
import { reportUnpinned, versionsOf, type UnpinnedGroup } from './shared/unpinned.ts';

export default defineRule({
  meta: {
    id: 'pip-pin-versions',
    aliases: ['DL3013'],
    severity: 'warning',
    category: 'correctness',
    docs: {
      summary: 'Pin the versions of packages installed with pip',
      description:
        'Reports each `pip install` (also `pip3`, `python -m pip`) and `pipx install` with packages written without a version specifier '
        + '(`flask==3.0.3`, `flask~=3.0`, `flask>=3,<4`) and VCS URLs without `@revision`. Requirement files (`-r`), constraint files (`-c`), '
        + 'local paths, archives, other URLs and packages named by a variable are not reported. One finding per command, naming the packages.',
      why: 'An unpinned package resolves to the newest release at build time: rebuilds are not reproducible and a breaking release reaches the image unnoticed.',
      bad: 'FROM python:3.13-slim\nRUN pip install --no-cache-dir flask\n',
      good: 'FROM python:3.13-slim\nRUN pip install --no-cache-dir flask==3.0.3\n',
      fixSafety: 'No fix: which version to pin is your choice.',
    },
  },
  create(ctx) {
    const group = (words: readonly ShellWord[], tool: string): UnpinnedGroup => {
      const operands = words.map((word) => ({ word, name: word.value! }));
      return { operands, message: (names) => `Pin ${versionsOf(operands)} ${names}: \`${tool} install ${operands[0]!.name}==<version>\` (or use a requirements file)` };
    };
    return {
      run(run) {
        const groups: UnpinnedGroup[] = [];
        for (const install of run.installs) if (install.manager === 'pip') groups.push(group(unpinnedPackages(install), 'pip'));
        for (const command of run.commands) {
          const pipx = unpinnedPipxPackages(command);
          if (pipx) groups.push(group(pipx, 'pipx'));
        }
        reportUnpinned(ctx, groups);
      },
    };
  },
});
