import type { KnownRule } from './types.ts';
import { didYouMean } from './suggest.ts';
import { ConfigError } from './errors.ts';

/** Looks rules up by id or alias. */
export interface RuleIndex {
  readonly rules: readonly KnownRule[];
  /** id or alias -> id */
  readonly idByName: ReadonlyMap<string, string>;
}

const indexes = new WeakMap<readonly KnownRule[], RuleIndex>();

/** Built once per rule list: the registry hands the same array to every call. */
export function getRuleIndex(rules: readonly KnownRule[]): RuleIndex {
  let index = indexes.get(rules);
  if (index === undefined) {
    const idByName = new Map<string, string>();
    for (const rule of rules) {
      idByName.set(rule.id, rule.id);
      for (const alias of rule.aliases) idByName.set(alias, rule.id);
    }
    index = { rules, idByName };
    indexes.set(rules, index);
  }
  return index;
}

/** The rule id `name` (an id or alias) stands for; a ConfigError naming `where` when unknown. */
export function requireRuleId(index: RuleIndex, name: string, where: string, filePath?: string): string {
  const id = index.idByName.get(name);
  if (id !== undefined) return id;
  throw new ConfigError(`unknown rule '${name}' in ${where}${didYouMean(name, index.idByName.keys())}`, filePath);
}
