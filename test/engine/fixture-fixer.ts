/** The real fixer, restricted to the rules a verify fixture is about, as `verify` calls it. */
import { fixText } from '../../src/fix/apply.ts';
import { getLinter } from '../../src/linter/index.ts';
import { loadContext } from '../../src/model/index.ts';
import { wasteFindingsOf, type WasteFinding } from '../../src/verify/waste.ts';

export function fixWithRules(text: string, ruleIds: readonly string[], contextDir: string): { output: string; fixesApplied: { ruleId: string; line: number }[] } {
  const linter = getLinter();
  const rules = Object.fromEntries(linter.metas.map((m) => [m.id, ruleIds.includes(m.id) ? m.severity : ('off' as const)]));
  const options = { rules, context: loadContext(contextDir) };
  const outcome = fixText(text, (t) => linter.lint(t, options).findings, { unsafe: true });
  return { output: outcome.output, fixesApplied: outcome.applied.map((a) => ({ ruleId: a.ruleId, line: a.line })) };
}

/** Every rule's findings, as `verify` lints both files to explain wasted bytes. */
export function lintForWaste(text: string, contextDir: string): WasteFinding[] {
  return wasteFindingsOf(getLinter().lint(text, { enableAll: true, context: loadContext(contextDir) }).findings);
}
