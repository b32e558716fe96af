/**
 * The hooks in .pre-commit-hooks.yaml, installed and run by the real `pre-commit` (Debian's
 * package) from this repository at its HEAD commit, the way users point at it: pre-commit
 * clones it, `npm install` builds it (the `prepare` script), and the hooks run on commit.
 * Needs the network for that npm install, like every user's first run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = resolve(import.meta.dirname, '../..');
// installing the hook environment (npm install + build of this package) takes minutes
const INSTALL_TIMEOUT_MS = 15 * 60_000;

const GOOD = 'FROM debian:12.5-slim\nRUN useradd --no-log-init -r -u 10001 app\nUSER 10001\nCMD ["sleep", "infinity"]\n';
const BAD = 'FROM debian:latest\nRUN apt-get update && apt-get install -y curl\n';
// ca-certificates named: the fix adds only the flag (curl recommends it)
const FIXABLE = 'FROM debian:12.5-slim\nRUN apt-get update && apt-get install -y ca-certificates=20230311 curl=7.88.1-10 && rm -rf /var/lib/apt/lists/*\nUSER 10001\n';

let work: string;
let env: NodeJS.ProcessEnv;

function run(command: string, args: string[]): { status: number | null; output: string } {
  const result = spawnSync(command, args, { cwd: work, env, encoding: 'utf8', timeout: INSTALL_TIMEOUT_MS });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: work, env, encoding: 'utf8' });
}

/** stage one Dockerfile and try to commit it through the installed hooks */
function commit(name: string, text: string): { status: number | null; output: string } {
  writeFileSync(join(work, name), text);
  git('add', name);
  return run('git', ['commit', '-m', `add ${name}`]);
}

// without pre-commit there is nothing to test: the hooks are pre-commit's to run
const found = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
const missing = found.status === 0 ? undefined : 'pre-commit is not installed (apt-get install pre-commit; .ci/run does this as root)';
if (missing) console.warn(`[pre-commit hooks] skipping: ${missing}`);

// each run starts pre-commit, git and the CLI: slow on a busy machine
describe.skipIf(missing !== undefined)('pre-commit hooks', { timeout: 120_000 }, () => {
  beforeAll(() => {
    const rev = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).trim();
    const hooksAtRev = spawnSync('git', ['cat-file', '-e', `${rev}:.pre-commit-hooks.yaml`], { cwd: REPO });
    if (hooksAtRev.status !== 0) throw new Error(`.pre-commit-hooks.yaml is not committed at ${rev}: pre-commit reads the hooks from the commit`);
    const cliAtRev = spawnSync('git', ['cat-file', '-e', `${rev}:bin/tslint-docker.js`], { cwd: REPO });
    if (cliAtRev.status !== 0) throw new Error(`bin/tslint-docker.js is not committed at ${rev}: the hooks run the CLI`);

    work = mkdtempSync(join(tmpdir(), 'tslint-docker-pre-commit-'));
    env = {
      ...process.env,
      // pre-commit's cache (cloned repo, node environment) stays inside the test folder unless given
      PRE_COMMIT_HOME: process.env.PRE_COMMIT_HOME ?? join(work, '.cache'),
      GIT_AUTHOR_NAME: 'test', GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'test', GIT_COMMITTER_EMAIL: 'test@example.com',
    };
    git('init', '-q', '-b', 'main');
    writeFileSync(join(work, '.gitignore'), '.cache/\n');
    writeFileSync(join(work, '.dockerignore'), '.git\n');
    writeFileSync(
      join(work, '.pre-commit-config.yaml'),
      ['repos:', `  - repo: ${REPO}`, `    rev: ${rev}`, '    hooks:', '      - id: tslint-docker-fix', '        stages: [manual]', '      - id: tslint-docker', ''].join('\n'),
    );
    git('add', '.gitignore', '.dockerignore', '.pre-commit-config.yaml');
    git('commit', '-q', '-m', 'config');
    const install = run('pre-commit', ['install']);
    expect(install.status, install.output).toBe(0);
    // install the hook environments now, so each test measures only its own run
    const environments = run('pre-commit', ['install-hooks']);
    expect(environments.status, environments.output).toBe(0);
  }, INSTALL_TIMEOUT_MS);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('fail the commit of a bad Dockerfile and print its findings', () => {
    const result = commit('Dockerfile', BAD);
    expect(result.status, result.output).toBe(1);
    expect(result.output).toMatch(/tslint-docker\.+Failed/);
    expect(result.output).toContain('base-image-latest');
    expect(result.output).toContain('apt-no-install-recommends');
    expect(git('log', '--format=%s')).not.toContain('add Dockerfile');
    git('reset', '-q', 'Dockerfile');
    rmSync(join(work, 'Dockerfile'));
  });

  it('let the commit of a clean Dockerfile through, and match Containerfile and *.dockerfile names', () => {
    const result = commit('Containerfile', GOOD);
    expect(result.status, result.output).toBe(0);
    expect(result.output).toMatch(/tslint-docker\.+Passed/);
    const named = commit('app.dockerfile', BAD);
    expect(named.status, named.output).toBe(1);
    git('reset', '-q', 'app.dockerfile');
    rmSync(join(work, 'app.dockerfile'));
  });

  it('skip files that are not Dockerfiles', () => {
    const result = commit('notes.txt', BAD);
    expect(result.status, result.output).toBe(0);
    expect(result.output).toMatch(/tslint-docker\.+\(no files to check\)Skipped/);
  });

  it('the fix hook rewrites the file and fails because it changed it', () => {
    writeFileSync(join(work, 'Dockerfile.fix'), FIXABLE);
    git('add', 'Dockerfile.fix');
    const result = run('pre-commit', ['run', '--hook-stage', 'manual', 'tslint-docker-fix', '--files', 'Dockerfile.fix']);
    expect(result.status, result.output).toBe(1);
    expect(result.output).toContain('files were modified by this hook');
    expect(readFileSync(join(work, 'Dockerfile.fix'), 'utf8')).toBe(FIXABLE.replace('install -y', 'install --no-install-recommends -y'));
    const again = run('pre-commit', ['run', '--hook-stage', 'manual', 'tslint-docker-fix', '--files', 'Dockerfile.fix']);
    expect(again.status, again.output).toBe(0);
  });
});
