/**
 * The check behind multiple-cmd and multiple-entrypoint: in a stage, only the last one of these
 * takes effect. In the buildkit preset multiple-cmd is BuildKit's MultipleInstructionsDisallowed,
 * which covers CMD, ENTRYPOINT and HEALTHCHECK and words its message as BuildKit does.
 */
import type { RuleContext, RuleVisitors } from '../../src/linter/rule.ts';
import type { Stage } from '../../src/model/index.ts';
import type { Instruction } from '../../src/parser/ast.ts';

type Overridable = 'CMD' | 'ENTRYPOINT' | 'HEALTHCHECK';

export function reportOverridden(keyword: 'CMD' | 'ENTRYPOINT') {
  return (ctx: RuleContext): RuleVisitors => {
    const buildkit = ctx.settings.preset === 'buildkit' && keyword === 'CMD';
    const keywords: readonly Overridable[] = buildkit ? ['CMD', 'ENTRYPOINT', 'HEALTHCHECK'] : [keyword];
    // per stage and keyword, the last one seen: a later one reports it (BuildKit's order, each on the earlier instruction)
    const last = new Map<Stage, Map<Overridable, Instruction>>();
    const visitors: RuleVisitors = {};
    // the same visitors in every preset (the engine learns them from the first create())
    for (const kw of ['CMD', 'ENTRYPOINT', 'HEALTHCHECK'] as const) {
      visitors[kw] = (ins: Instruction, info: { stage?: Stage; onbuild: boolean }) => {
        if (!info.stage || info.onbuild || !keywords.includes(kw)) return;
        const seen = last.get(info.stage) ?? new Map<Overridable, Instruction>();
        last.set(info.stage, seen);
        const overridden = seen.get(kw);
        seen.set(kw, ins);
        if (!overridden) return;
        if (buildkit) {
          ctx.report({
            span: overridden,
            message: `Multiple ${ins.keywordWord.value} instructions should not be used in the same stage because only the last one will be used`,
          });
        } else {
          ctx.report({ span: overridden.keywordWord, message: `This \`${kw}\` is overridden by a later \`${kw}\` in the same stage: only the last one takes effect` });
        }
      };
    }
    return visitors;
  };
}
