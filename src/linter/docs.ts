/** Rule documentation rendered from each rule's `meta` (Ruff's sections), for docs/rules and `explain`. */
import { presetSettings } from './presets.ts';
import type { RuleMeta } from './types.ts';

/** A fence longer than any backtick run in the code, so an example cannot close it early. */
function codeBlock(code: string): string {
  const longestRun = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return `${fence}dockerfile\n${code.replace(/\n$/, '')}\n${fence}`;
}

/** `recommended` (warning), `all` (warning): the presets that turn the rule on, with its severity there */
export function presetList(meta: RuleMeta): string {
  return Object.entries(presetSettings(meta))
    .filter(([, setting]) => setting !== 'off')
    .map(([name, setting]) => `\`${name}\` (${setting})`)
    .join(', ');
}

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
    `- Presets: ${presetList(meta)}`,
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
    codeBlock(d.bad),
    '',
    '## Use instead',
    '',
    codeBlock(d.good),
    '',
    '## Fix safety',
    '',
    d.fixSafety ?? (meta.fixable ? 'See the rule description.' : 'This rule offers no fix.'),
    '',
    ...(d.presets === undefined ? [] : ['## How presets differ', '', d.presets, '']),
  ].join('\n');
}
