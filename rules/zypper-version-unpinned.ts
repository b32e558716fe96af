import { defineRule } from '../src/linter/rule.ts';
import { resolveWord } from '../src/model/operands.ts';
import { systemPackageCommands, zypperOperandPinned } from '../src/model/system-packages.ts';
import { reportUnpinned, versionsOf, type UnpinnedGroup, type UnpinnedOperand } from './shared/unpinned.ts';

export default defineRule({
  meta: {
    id: 'zypper-version-unpinned',
    aliases: ['DL3037'],
    severity: 'warning',
    category: 'correctness',
    docs: {
      summary: 'Pin package versions in `zypper install`',
      description: 'Reports each `zypper install` with packages that have no version constraint (`tomcat` instead of `tomcat=9.0.39` or `tomcat>=9.0`), once per command, naming them. ARG and ENV values are substituted first. Local `.rpm` files and URLs are not checked.',
      why: 'Without a version the build installs whatever the repository holds that day: rebuilding the same Dockerfile can give a different image, or break.',
      bad: 'FROM opensuse/leap:15.6\nRUN zypper -n install tomcat && zypper clean',
      good: 'FROM opensuse/leap:15.6\nRUN zypper -n install tomcat=9.0.85 && zypper clean',
      fixSafety: 'No fix: the version to pin is your choice.',
    },
  },
  create(ctx) {
    return {
      run(run, info) {
        const groups: UnpinnedGroup[] = [];
        for (const spc of systemPackageCommands(run)) {
          if (spc.manager !== 'zypper' || spc.action !== 'install') continue;
          const operands: UnpinnedOperand[] = [];
          for (const word of spc.packages) {
            const name = resolveWord(word, info, run);
            if (name !== undefined && !zypperOperandPinned(name)) operands.push({ word, name });
          }
          groups.push({ operands, message: (names) => `Pin ${versionsOf(operands)} ${names}: \`${operands[0]!.name}=<version>\`` });
        }
        reportUnpinned(ctx, groups);
      },
    };
  },
});
