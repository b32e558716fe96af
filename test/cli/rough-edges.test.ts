/** What a new user hits first (issue 20): each rough edge, and what the CLI does about it now. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hadolintSettings } from '../../src/cli/hadolint.ts';
import { fileJobSettings, lintFile } from '../../src/cli/lint-file.ts';
import type { LintArgs } from '../../src/cli/lint.ts';
import { runCli } from './run-cli.ts';

const BAD = 'FROM debian:latest\nRUN apt-get update && apt-get install -y curl\n';
const GOOD = 'FROM debian:12\nRUN echo ok\nUSER 1000\n';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function project(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tslint-docker-edges-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** the one line a usage error prints */
function oneLine(stderr: string): string {
  const lines = stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  return lines[0]!;
}

describe('a binary file', () => {
  // an ELF header and a few thousand bytes of code, as /bin/ls starts
  const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]), Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 37) % 256))]);
  // no NUL, but bytes that are neither text nor UTF-8
  const noise = Buffer.from(Array.from({ length: 3000 }, (_, i) => [0x01, 0x9c, 0x0a, 0xfe, 0x41, 0x1b, 0xc3][i % 7]!));

  it.each([
    ['with NUL bytes', elf],
    ['of mostly non-text bytes', noise],
  ])('%s is one "not a Dockerfile (binary)" error', async (_, bytes) => {
    const dir = project({ Dockerfile: bytes });
    const run = await runCli(['--no-config', '-f', 'json', 'Dockerfile'], dir);
    expect(run.code).toBe(1);
    const [file] = JSON.parse(run.stdout) as { messages: { ruleId: string; message: string; line: number; column: number }[] }[];
    expect(file!.messages).toEqual([expect.objectContaining({ ruleId: 'syntax-error', message: 'not a Dockerfile (binary)', line: 1, column: 1 })]);
  });

  it('a Dockerfile in Latin-1 (a few bytes that are not UTF-8) is still linted', async () => {
    const latin1 = Buffer.from('FROM debian:12\nLABEL maintainer="Zo\xeb"\nUSER 1000\n', 'latin1');
    const run = await runCli(['--no-config', '-f', 'json', 'Dockerfile'], project({ Dockerfile: latin1 }));
    expect(run.stdout).not.toContain('binary');
  });
});

describe('code frames', () => {
  it('show about 200 columns of a 1 MB line around the finding', async () => {
    const long = `FROM debian:latest\nRUN echo ${'a'.repeat(500_000)} && echo ${'b'.repeat(500_000)}\n`;
    const run = await runCli(['--no-config', '--color=false', 'Dockerfile'], project({ Dockerfile: long }));
    expect(run.stdout.length).toBeLessThan(20_000);
    for (const line of run.stdout.split('\n')) expect(line.length).toBeLessThan(250);
  });
});

describe('I/O errors are the user\'s to fix: exit 2, one line naming their file', () => {
  it('a path that cannot be read', async () => {
    const dir = project({});
    symlinkSync('loop.Dockerfile', join(dir, 'loop.Dockerfile'));
    const run = await runCli(['loop.Dockerfile'], dir);
    expect(run.code).toBe(2);
    expect(oneLine(run.stderr)).toBe('tslint-docker: cannot read loop.Dockerfile: too many symbolic links');
  });

  it('a file that cannot be read', async () => {
    const dir = project({ 'sub/x': '' });
    const args: LintArgs = {
      files: ['sub'], format: [], outputFile: [], noConfig: true, rule: [], ignore: [], buildArg: [], quiet: false, fix: false, unsafeFixes: false, fixDryRun: false, cache: false, resolveImages: false, offline: false,
      errorRules: [], warningRules: [], infoRules: [], styleRules: [], trustedRegistry: [], requireLabel: [], strictLabels: false, disableIgnorePragma: false, noFail: false,
    };
    await expect(lintFile('sub', fileJobSettings(args, {}, {}, hadolintSettings(args, {}), dir), async () => '')).rejects.toThrow('cannot read sub: is a directory');
  });

  it('-o creates its folder, as ESLint does', async () => {
    const dir = project({ Dockerfile: GOOD });
    const run = await runCli(['Dockerfile', '-f', 'json', '-o', 'reports/lint/tslint-docker.json'], dir);
    expect(run.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'reports/lint/tslint-docker.json'), 'utf8'))).toHaveLength(1);
  });

  it('-o where no file can be written', async () => {
    const dir = project({ Dockerfile: GOOD });
    const run = await runCli(['Dockerfile', '-f', 'json', '-o', 'Dockerfile/report.json'], dir);
    expect(run.code).toBe(2);
    expect(oneLine(run.stderr)).toMatch(/^tslint-docker: cannot write the report to Dockerfile\/report\.json: /);
    expect(existsSync(join(dir, 'Dockerfile'))).toBe(true);
  });
});

describe('--max-warnings', () => {
  it('says why the run failed when it is exceeded', async () => {
    const dir = project({ Dockerfile: BAD });
    // one warning in recommended (base-image-latest), more in all
    const run = await runCli(['--no-config', 'Dockerfile', '-t', 'none', '--max-warnings', '0', '-f', 'compact'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('tslint-docker: 1 warning, more than --max-warnings 0 allows\n');
  });

  it('-1 means no limit, as in ESLint', async () => {
    const dir = project({ Dockerfile: BAD });
    for (const argv of [['--max-warnings', '-1'], ['--max-warnings=-1']]) {
      const run = await runCli(['--no-config', 'Dockerfile', '-t', 'none', ...argv], dir);
      expect(run.code, argv.join(' ')).toBe(0);
      expect(run.stderr).toBe('');
    }
    expect((await runCli(['Dockerfile', '--max-warnings', '-2'], dir)).stderr).toContain('-1 for no limit');
  });
});

describe('bad flags: one line each', () => {
  it('refuses several formats on stdout', async () => {
    const dir = project({ Dockerfile: GOOD });
    const run = await runCli(['Dockerfile', '-f', 'json', '-f', 'sarif'], dir);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(oneLine(run.stderr)).toBe('tslint-docker: 2 formats would write to stdout (json, sarif): give all but one its own --output-file, in the order of the --format values');
    expect((await runCli(['Dockerfile', '-f', 'json', '-f', 'sarif', '-o', 'lint.json'], dir)).code).toBe(0);
    expect((await runCli(['Dockerfile', '-f', 'json', '-f', 'sarif', '-o', '-', '-o', '-'], dir)).code).toBe(2);
  });

  it('names an option given without its value', async () => {
    const dir = project({ Dockerfile: GOOD });
    for (const [argv, line] of [
      [['Dockerfile', '-f'], 'tslint-docker: -f needs a value (see tslint-docker --help)'],
      [['Dockerfile', '--error'], 'tslint-docker: --error needs a value (see tslint-docker --help)'],
      [['--stdin-filename'], 'tslint-docker: --stdin-filename needs a value (see tslint-docker --help)'],
    ] as const) {
      const run = await runCli([...argv], dir);
      expect(run.code).toBe(2);
      expect(oneLine(run.stderr)).toBe(line);
    }
  });

  it('names an unknown flag once, as typed', async () => {
    const dir = project({ Dockerfile: GOOD });
    expect(oneLine((await runCli(['--exit-zero', 'Dockerfile'], dir)).stderr)).toBe('tslint-docker: unknown option --exit-zero (see tslint-docker --help)');
    expect(oneLine((await runCli(['--exit-zero', '--foo', '-Z', 'Dockerfile'], dir)).stderr)).toBe('tslint-docker: unknown options --exit-zero, --foo, -Z (see tslint-docker --help)');
  });
});

describe('a .hadolint.yaml notice', () => {
  it('names its file once', async () => {
    const dir = project({ Dockerfile: GOOD, 'a/Dockerfile': GOOD, '.hadolint.yaml': 'verbose: true\n' });
    const run = await runCli(['Dockerfile', 'a/Dockerfile'], dir);
    expect(run.stderr).toBe(`${join(dir, '.hadolint.yaml')}: 'verbose' is not applied (tslint-docker has no verbose mode)\n`);
  });
});

describe('verify without an engine', () => {
  it('names the packages to install, and no script the npm package lacks', async () => {
    const dir = project({ Dockerfile: GOOD });
    const path = process.env.PATH;
    // nothing on PATH: no docker, buildah or podman to find
    process.env.PATH = dir;
    try {
      const run = await runCli(['verify', 'Dockerfile'], dir);
      expect(run.code).toBe(2);
      const line = oneLine(run.stderr);
      expect(line).toMatch(/^tslint-docker verify: no engine reachable: tried docker \(not installed\), buildah \(not installed\), podman \(not installed\); install Docker Engine/);
      expect(line).toMatch(/buildah or podman package/);
      expect(line).not.toContain('scripts/');
    } finally {
      process.env.PATH = path;
    }
  });
});

describe('files configured alike share one resolved config', () => {
  it('also with --build-arg (the command line\'s settings are one object per run)', async () => {
    const dir = project({ 'a/Dockerfile': 'FROM alpine\nARG A\n', 'b/Dockerfile': 'FROM alpine\nARG A\n' });
    const args: LintArgs = {
      files: ['a/Dockerfile', 'b/Dockerfile'], format: ['sarif'], outputFile: [], noConfig: true, rule: [], ignore: [], buildArg: ['A=1'], quiet: false, fix: false, unsafeFixes: false, fixDryRun: false, cache: false, resolveImages: false, offline: false,
      errorRules: [], warningRules: [], infoRules: [], styleRules: [], trustedRegistry: [], requireLabel: [], strictLabels: false, disableIgnorePragma: false, noFail: false,
    };
    const job = fileJobSettings(args, {}, { A: '1' }, hadolintSettings(args, {}), dir);
    const [a, b] = [await lintFile('a/Dockerfile', job, async () => ''), await lintFile('b/Dockerfile', job, async () => '')];
    expect(a.ruleSettings).toBeDefined();
    expect(b.ruleSettings).toBe(a.ruleSettings);
  });
});
