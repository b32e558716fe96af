/** The check behind multiple-cmd and multiple-entrypoint: in a stage, only the last one of these takes effect. */
import type { RuleContext, RuleVisitors } from '../../src/linter/rule.ts';
import type { Stage } from '../../src/model/index.ts';
import type { Instruction } from '../../src/parser/ast.ts';

export function reportOverridden(keyword: 'CMD' | 'ENTRYPOINT') {
  return (ctx: RuleContext): RuleVisitors => {
    const byStage = new Map<Stage, Instruction[]>();
    return {
      [keyword]: (ins: Instruction, info: { stage?: Stage; onbuild: boolean }) => {
        if (!info.stage || info.onbuild) return;
        const list = byStage.get(info.stage) ?? [];
        list.push(ins);
        byStage.set(info.stage, list);
      },
      end() {
        for (const list of byStage.values()) {
          for (const ins of list.slice(0, -1)) {
            ctx.report({ span: ins.keywordWord, message: `This \`${keyword}\` is overridden by a later \`${keyword}\` in the same stage: only the last one takes effect` });
          }
        }
      },
    };
  };
}
