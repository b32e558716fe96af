import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/index.ts';
import { fixturesDir, knownRules } from './known-rules.ts';

/** every folder under the config fixtures: a Dockerfile there starts discovery from it */
function folders(dir: string): string[] {
  return [dir, ...readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).flatMap((e) => folders(path.join(dir, e.name)))];
}

const files = folders(fixturesDir).map((dir) => path.join(dir, 'Dockerfile'));

/** what discovery found for each file: the config file and settings, or the file an error names */
async function outcomes(): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const file of files) {
    try {
      const config = await resolveConfig(file, { knownRules });
      out.push({ file, source: config.source, rules: config.rules, warnings: config.warnings.length });
    } catch (error) {
      out.push({ file, error: (error as { filePath?: string }).filePath ?? String(error) });
    }
  }
  return out;
}

const scratch = mkdtempSync(path.join(os.tmpdir(), 'tslint-docker-cwd-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('discovery without cosmiconfig', () => {
  // the test runner's cwd holds package.json, a cosmiconfig meta config place, so explorers look
  // in every folder there; from a folder without one, folders with no config file are passed over
  it('finds what the explorers find in every folder', { timeout: 60_000 }, async () => {
    const script = path.join(scratch, 'discover.mts');
    writeFileSync(script, [
      `import { resolveConfig } from ${JSON.stringify(pathToFileURL(path.resolve('src/config/index.ts')).href)};`,
      `const knownRules = ${JSON.stringify(knownRules)};`,
      `const files = ${JSON.stringify(files)};`,
      `const out = [];`,
      `for (const file of files) {`,
      `  try { const c = await resolveConfig(file, { knownRules }); out.push({ file, source: c.source, rules: c.rules, warnings: c.warnings.length }); }`,
      `  catch (error) { out.push({ file, error: error.filePath ?? String(error) }); }`,
      `}`,
      `console.log(JSON.stringify(out));`,
    ].join('\n'));
    const run = spawnSync(process.execPath, ['--import', import.meta.resolve('tsx/esm'), script], { cwd: scratch, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual(await outcomes());
  });
});
