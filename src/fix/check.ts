/**
 * The fixer's guarantees, checked on one file: the fixed text parses with no new
 * parser error, fixing it again changes nothing, and no finding of a rule whose fix
 * was applied remains at a fixed line. Used by the corpus test and bench/fix.
 */
import { parseDockerfile } from '../parser/index.ts';
import type { Finding } from '../linter/types.ts';
import { fixText, type FixOutcome } from './apply.ts';

export interface FixCheck {
  outcome: FixOutcome;
  reparses: boolean;
  idempotent: boolean;
  /** findings of fixed rules that still carry a fix of the same safety after fixing */
  leftovers: Finding[];
}

export function checkFix(source: string, lint: (text: string) => Finding[], unsafe: boolean): FixCheck {
  const outcome = fixText(source, lint, { unsafe });
  const before = parseDockerfile(source).errors.filter((e) => e.level === 'parser').length;
  const after = parseDockerfile(outcome.output).errors.filter((e) => e.level === 'parser').length;
  const again = fixText(outcome.output, lint, { unsafe });
  const fixedRules = new Set(outcome.applied.map((a) => a.ruleId));
  const leftovers = lint(outcome.output).filter((f) => fixedRules.has(f.ruleId) && f.fix && !f.suppressed && (unsafe || f.fix.safety === 'safe'));
  return { outcome, reparses: after <= before, idempotent: again.output === outcome.output, leftovers };
}
