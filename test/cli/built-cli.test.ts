/**
 * The shipped CLI is an esbuild bundle (dist/bundle, run by bin/tslint-docker.js) that loads
 * parts of itself on demand. A bundling mistake (a lazily imported module losing its exports)
 * shows only there: every config fixture's --print-config, and a lint with and without a
 * config, must give the same output and exit code as the source run in-process.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const REPO = resolve(import.meta.dirname, '../..');
const BIN = join(REPO, 'bin/tslint-docker.js');
const CONFIG_FIXTURES = join(REPO, 'test/fixtures/config');

function fixtureDirs(dir: string): string[] {
  const subdirs = readdirSync(dir).map((name) => join(dir, name)).filter((p) => statSync(p).isDirectory());
  return [dir, ...subdirs.flatMap(fixtureDirs)];
}

function runBuilt(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: REPO, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.skipIf(!existsSync(join(REPO, 'dist/bundle/main.js')))('the built CLI (dist/bundle) behaves as the source', () => {
  it.each(fixtureDirs(CONFIG_FIXTURES).map((d) => relative(REPO, d)))('--print-config in %s', async (dir) => {
    const args = ['--print-config', join(dir, 'Dockerfile')];
    const source = await runCli(args, REPO);
    const built = runBuilt(args);
    expect(built).toEqual({ code: source.code, stdout: source.stdout, stderr: source.stderr });
  });

  it.each([
    [['--no-config', '-f', 'json', 'test/fixtures/config/nested/Dockerfile']],
    [['-f', 'json', 'test/fixtures/config/nested/Dockerfile']],
    [['-f', 'sarif', 'test/fixtures/config/nested/Dockerfile']],
    [['--rule', 'missing-user=off', '-f', 'compact', 'test/fixtures/config/nested/Dockerfile']],
  ])('lint %j', async (args) => {
    const source = await runCli(args, REPO);
    const built = runBuilt(args);
    expect(built.code).toBe(source.code);
    // the version in SARIF comes from package.json in the built CLI, from the test harness in-process
    const normalize = (s: string) => s.replace(/"version":\s*"[^"]*"/g, '"version":"x"');
    expect(normalize(built.stdout)).toBe(normalize(source.stdout));
    expect(built.stderr).toBe(source.stderr);
  });
});
