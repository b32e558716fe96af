/** The check behind yum-version-unpinned (DL3033) and dnf-version-unpinned (DL3041): install operands without a version or module stream. */
import type { RuleContext, RuleVisitors } from '../../src/linter/rule.ts';
import { resolveWord } from '../../src/model/operands.ts';
import { rpmOperandPinned, systemPackageCommands } from '../../src/model/system-packages.ts';
import { reportUnpinned, versionsOf, type UnpinnedGroup, type UnpinnedOperand } from './unpinned.ts';

export function reportUnpinnedRpm(managers: readonly string[]) {
  return (ctx: RuleContext): RuleVisitors => ({
    run(run, info) {
      const groups: UnpinnedGroup[] = [];
      for (const spc of systemPackageCommands(run)) {
        if (!managers.includes(spc.manager) || (spc.action !== 'install' && spc.action !== 'module-install')) continue;
        const operands: UnpinnedOperand[] = [];
        for (const word of spc.packages) {
          const name = resolveWord(word, info, run);
          if (name !== undefined && !rpmOperandPinned(name, spc.action)) operands.push({ word, name });
        }
        groups.push({
          operands,
          message: (names) => (spc.action === 'module-install'
            ? `Pin the module stream of ${names}: \`${operands[0]!.name}:<stream>\``
            : `Pin ${versionsOf(operands)} ${names}: \`${operands[0]!.name}-<version>\``),
        });
      }
      reportUnpinned(ctx, groups);
    },
  });
}
