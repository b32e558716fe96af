/**
 * How the version-pinning rules (apt, apk, dnf, yum, zypper, pip, npm, gem, go) report: one
 * finding per install command that has unpinned packages, naming them and spanning them; in the
 * `hadolint` preset one per RUN, as hadolint reports an instruction once.
 */
import type { RuleContext } from '../../src/linter/rule.ts';
import type { ShellWord } from '../../src/model/index.ts';

export interface UnpinnedOperand {
  word: ShellWord;
  /** the operand as the message names it (its value, with ARG/ENV substituted where the rule does) */
  name: string;
}

/** names listed in a message before "and N more" */
const LISTED = 5;

/** "`a`", "`a` and `b`", "`a`, `b`, `c`, `d`, `e` and 7 more" */
export function listNames(names: readonly string[]): string {
  const shown = names.slice(0, names.length > LISTED ? LISTED : names.length).map((n) => `\`${n}\``);
  if (names.length > LISTED) return `${shown.join(', ')} and ${names.length - LISTED} more`;
  return shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}` : shown[0] ?? '';
}

/** the unpinned operands of one install command, in source order, and what to say about them */
export interface UnpinnedGroup {
  operands: readonly UnpinnedOperand[];
  /** the message, given the listed names (`listNames`) */
  message(names: string): string;
}

/** Reports each group that has operands once (in the `hadolint` preset only the first). */
export function reportUnpinned(ctx: RuleContext, groups: Iterable<UnpinnedGroup>): void {
  for (const { operands, message } of groups) {
    if (operands.length === 0) continue;
    ctx.report({
      span: { start: operands[0]!.word.start, end: operands[operands.length - 1]!.word.end },
      message: message(listNames(operands.map((o) => o.name))),
    });
    if (ctx.settings.preset === 'hadolint') return;
  }
}

/** "the version of" or "the versions of", by count */
export const versionsOf = (operands: readonly unknown[]): string => (operands.length === 1 ? 'the version of' : 'the versions of');
