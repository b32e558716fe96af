import { defineRule } from '../src/linter/rule.ts';
import { resolveWord } from '../src/model/operands.ts';
import { rpmOperandPinned, systemPackageCommands } from '../src/model/system-packages.ts';

export default defineRule({
  meta: {
    id: 'dnf-version-unpinned',
    aliases: ['DL3041'],
    severity: 'warning',
    category: 'correctness',
    docs: {
      summary: 'Pin package versions in `dnf install`',
      description: 'Reports each package of `dnf install` / \`microdnf install\` that names no version (`tomcat` instead of `tomcat-10.1.31`), and `dnf module install` without a stream (`nodejs` instead of `nodejs:20`). ARG and ENV values are substituted first, so `git-core-${version}` with `ARG version=2.47.1` is pinned. Groups, local files and URLs are not checked.',
      why: 'Without a version the build installs whatever the repository holds that day: two builds of the same Dockerfile can differ, and an update can break the image with no change on your side.',
      bad: 'FROM fedora:41\nRUN dnf install -y tomcat && dnf clean all',
      good: 'FROM fedora:41\nRUN dnf install -y tomcat-10.1.31 && dnf clean all',
      fixSafety: 'No fix: the version to pin is your choice.',
    },
  },
  create(ctx) {
    return {
      run(run, info) {
        for (const spc of systemPackageCommands(run)) {
          if ((spc.manager !== 'dnf' && spc.manager !== 'microdnf') || (spc.action !== 'install' && spc.action !== 'module-install')) continue;
          for (const word of spc.packages) {
            const operand = resolveWord(word, info, run);
            if (operand === undefined || rpmOperandPinned(operand, spc.action)) continue;
            ctx.report({
              span: word,
              message: spc.action === 'module-install'
                ? `Pin the module stream: \`${operand}:<stream>\` instead of \`${operand}\``
                : `Pin the package version: \`${operand}-<version>\` instead of \`${operand}\``,
            });
          }
        }
      },
    };
  },
});
