import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/index.ts';
import { useDiscoveryShortcuts } from '../../src/config/discovery.ts';
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

/** `resolveConfig` for `files`, run by a fresh process in `cwd` (cosmiconfig reads its meta config from the cwd) */
function outcomesFrom(cwd: string, files: string[]): unknown {
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
  const run = spawnSync(process.execPath, ['--import', import.meta.resolve('tsx/esm'), script], { cwd, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout);
}

describe('discovery without cosmiconfig', () => {
  // folders with no file that could hold a config (a package.json without our key counts as
  // none) are passed over without cosmiconfig; the reference asks the explorers in every folder
  it('finds what the explorers find in every folder', { timeout: 60_000 }, async () => {
    useDiscoveryShortcuts(false);
    const reference = await outcomes();
    useDiscoveryShortcuts(true);
    // in process: the repository's cwd, whose package.json has no `cosmiconfig` key
    expect(await outcomes()).toEqual(reference);
    // a fresh process in a folder with no package.json at all
    expect(outcomesFrom(scratch, files)).toEqual(reference);
  });

  it('gives what the explorers give from a cwd whose package.json has a `cosmiconfig` key', { timeout: 60_000 }, async () => {
    // such a meta config may change where cosmiconfig looks: no folder is passed over
    const cwd = path.join(scratch, 'meta');
    mkdirSync(cwd, { recursive: true });
    writeFileSync(path.join(cwd, 'package.json'), JSON.stringify({ name: 'x', cosmiconfig: {} }));
    useDiscoveryShortcuts(false);
    const reference = await outcomes();
    useDiscoveryShortcuts(true);
    expect(outcomesFrom(cwd, files)).toEqual(reference);
  });
});
