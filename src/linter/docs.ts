/** Rule documentation rendered from each rule's `meta` (Ruff's sections), for docs/rules and `explain`. */
import type { RuleMeta } from './types.ts';

export function renderRuleDoc(meta: RuleMeta): string {
  const d = meta.docs;
  const aliases = meta.aliases.length > 0 ? meta.aliases.map((a) => `\`${a}\``).join(', ') : 'none';
  const fixable = meta.fixable ? `yes (${meta.fixable})` : 'no';
  return [
    `# ${meta.id}`,
    '',
    `${d.summary}`,
    '',
    `- Aliases: ${aliases}`,
    `- Default severity: ${meta.severity}`,
    `- Category: ${meta.category}`,
    `- Fixable: ${fixable}`,
    '',
    '## What it does',
    '',
    d.description,
    '',
    '## Why is this bad?',
    '',
    d.why,
    '',
    '## Example',
    '',
    '```dockerfile',
    d.bad.replace(/\n$/, ''),
    '```',
    '',
    '## Use instead',
    '',
    '```dockerfile',
    d.good.replace(/\n$/, ''),
    '```',
    '',
    '## Fix safety',
    '',
    d.fixSafety ?? (meta.fixable ? 'See the rule description.' : 'This rule offers no fix.'),
    '',
  ].join('\n');
}
