import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docFiles, registrySource } from '../../scripts/gen-rules.ts';
import { allRules } from '../../rules/index.ts';

const root = join(import.meta.dirname, '../..');

describe('generated files are up to date (npx tsx scripts/gen-rules.ts)', () => {
  it('rules/index.ts lists every rule module', () => {
    expect(readFileSync(join(root, 'rules/index.ts'), 'utf8')).toBe(registrySource());
  });
  it('docs/rules/<id>.md match each rule meta', async () => {
    const docs = await docFiles();
    expect(readdirSync(join(root, 'docs/rules')).sort()).toEqual([...docs.keys()].sort());
    for (const [name, text] of docs) expect(readFileSync(join(root, 'docs/rules', name), 'utf8'), name).toBe(text);
  });
  it('rule ids and aliases are unique, ids are kebab-case', () => {
    const names = allRules.flatMap((r) => [r.meta.id, ...r.meta.aliases].map((n) => n.toLowerCase()));
    expect(new Set(names).size).toBe(names.length);
    for (const r of allRules) expect(r.meta.id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
  });
});
