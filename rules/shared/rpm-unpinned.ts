/** The check behind yum-version-unpinned (DL3033) and dnf-version-unpinned (DL3041): install operands without a version or module stream. */
import type { RuleContext, RuleVisitors } from '../../src/linter/rule.ts';
import { resolveWord } from '../../src/model/operands.ts';
import { rpmOperandPinned, systemPackageCommands } from '../../src/model/system-packages.ts';

export function reportUnpinnedRpm(managers: readonly string[]) {
  return (ctx: RuleContext): RuleVisitors => ({
    run(run, info) {
      for (const spc of systemPackageCommands(run)) {
        if (!managers.includes(spc.manager) || (spc.action !== 'install' && spc.action !== 'module-install')) continue;
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
  });
}
