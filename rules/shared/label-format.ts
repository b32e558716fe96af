/** The one check behind the label-format rules (DL3052–DL3056, DL3058): a label the schema types must hold a value of that kind. */
import type { RuleContext, RuleVisitors } from '../../src/linter/rule.ts';
import { isValidLabelValue, schemaLabels } from '../../src/model/labels.ts';

export function checkLabelFormat(kind: Parameters<typeof isValidLabelValue>[0], message: (label: string) => string) {
  return (ctx: RuleContext): RuleVisitors => {
    const schema = ctx.settings.labelSchema;
    return {
      LABEL(ins, info) {
        for (const label of schemaLabels(ins.pairs, info.scope, schema)) {
          // an empty value is label-empty's finding; an unknown one cannot be judged
          if (label.kind !== kind || label.value === undefined || label.value === '') continue;
          if (isValidLabelValue(kind, label.value)) continue;
          ctx.report({ span: label.pair.value ?? label.pair, message: message(label.name) });
        }
      },
    };
  };
}
