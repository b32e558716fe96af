import { allRules } from '../../rules/index.ts';
import { Linter } from './linter.ts';

export { Linter, SYNTAX_ERROR_META, type LintOptions } from './linter.ts';
export type * from './types.ts';
export type { Rule, RuleContext, RuleVisitors } from './rule.ts';

let defaultLinter: Linter | undefined;

/** the linter with every rule, built once per process */
export function getLinter(): Linter {
  defaultLinter ??= new Linter(allRules);
  return defaultLinter;
}
