/**
 * The shipped CLI is an esbuild bundle (dist/bundle, run by bin/tslint-docker.js) that loads
 * parts of itself on demand. A bundling mistake (a lazily imported module losing its exports)
 * shows only there: every config fixture's --print-config, and a lint with and without a
 * config, must give the same output and exit code as the source run in-process.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { YOUNG_GENERATION_CAP } from '../../src/cli/v8-tuning.ts';
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

describe.skipIf(!existsSync(join(REPO, 'dist/bundle/main.js')))('the built CLI over many files', () => {
  const temporary: string[] = [];
  const scratch = (prefix: string) => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    temporary.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps V8\'s young generation at the cap (V8 alone grows it to 32 MB here, 128 MB on Node 24 over the corpus)', () => {
    const dir = scratch('tslint-docker-young-generation-');
    const dockerfile = [
      'FROM debian:12 AS build',
      'ARG VERSION=1.2.3',
      'ENV PATH=/opt/app/bin:$PATH LANG=C.UTF-8',
      'RUN apt-get update && apt-get install -y curl ca-certificates git build-essential && curl -fsSL https://example.com/install.sh | sh',
      'WORKDIR /src',
      'COPY . .',
      'RUN make -j"$(nproc)" && make install DESTDIR=/out',
      'FROM debian:12-slim',
      'COPY --from=build /out /',
      'RUN useradd -r app && chown -R app /opt/app',
      'CMD ["app", "--port", "8080"]',
      '',
    ].join('\n');
    const files = Array.from({ length: 300 }, (_, i) => join(dir, `Dockerfile.${i}`));
    for (const file of files) writeFileSync(file, dockerfile.repeat(3));
    // reports the new space's capacity as the process exits
    const probe = join(dir, 'probe.mjs');
    writeFileSync(
      probe,
      "import v8 from 'node:v8'; import { writeSync } from 'node:fs';\n" +
        "process.on('exit', () => writeSync(2, `new-space=${v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size}\\n`));\n",
    );
    // every rule, for findings enough to fill the young generation
    const run = spawnSync(process.execPath, ['--import', probe, BIN, '--no-config', '--preset', 'all', '-f', 'compact', ...files], { encoding: 'utf8', maxBuffer: 1 << 28 });
    // every file linted: the same findings in each as in one file alone
    const one = runBuilt(['--no-config', '--preset', 'all', '-f', 'compact', files[0]!]).stdout.split('\n').length - 1;
    expect(one).toBeGreaterThan(10);
    expect(run.status).toBe(1);
    expect(run.stdout.split('\n').length - 1).toBe(files.length * one);
    const newSpace = Number(/new-space=(\d+)/.exec(run.stderr)?.[1]);
    expect(newSpace).toBeGreaterThanOrEqual(YOUNG_GENERATION_CAP);
    expect(newSpace).toBeLessThan(2 * YOUNG_GENERATION_CAP);
  });

  it('ends with its own exit code when the reader closes the pipe early (`| head`), and waits for a slow one', async () => {
    const dir = scratch('tslint-docker-pipe-');
    const file = join(dir, 'Dockerfile');
    writeFileSync(file, 'FROM debian:latest\nRUN apt-get update && apt-get install -y curl\n');
    // SARIF lists every rule: ~250 KB, more than a pipe holds
    const args = [BIN, '--no-config', '-f', 'sarif', file];
    const whole = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(whole.stdout.length).toBeGreaterThan(200_000);

    const early = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    early.stderr.on('data', (chunk) => (stderr += chunk));
    early.stdout.once('data', () => early.stdout.destroy());
    const [code] = await new Promise<[number | null]>((done) => early.on('close', (c) => done([c])));
    expect({ code, stderr }).toEqual({ code: 1, stderr: '' });

    // a reader that takes its time gets the whole report
    const slow = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    slow.stdout.pause();
    await new Promise((r) => setTimeout(r, 300));
    let out = '';
    slow.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    slow.stdout.resume();
    const [slowCode] = await new Promise<[number | null]>((done) => slow.on('close', (c) => done([c])));
    expect(slowCode).toBe(1);
    expect(out).toBe(whole.stdout);
  });
});

