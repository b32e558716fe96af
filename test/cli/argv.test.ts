import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { quickLintArgs } from '../../src/cli/argv.ts';
import type { CliIO } from '../../src/cli/io.ts';
import type { LintArgs } from '../../src/cli/lint.ts';

// what yargs hands the lint command, caught before any linting
const runLint = vi.hoisted(() => vi.fn(async (_args: LintArgs, _io: CliIO) => 0));
vi.mock('../../src/cli/lint.ts', () => ({ runLint }));
const { runCommands } = await import('../../src/cli/commands.ts');

const io: CliIO = { cwd: '/', version: '0.1.0', stdout: () => {}, stderr: () => {}, readStdin: async () => '', isTTY: false };

/** the lint arguments yargs reads from argv; undefined when it runs no lint (help, error, another command) */
async function yargsLintArgs(argv: string[]): Promise<LintArgs | undefined> {
  runLint.mockClear();
  try {
    await runCommands(argv, io);
  } catch {
    return undefined;
  }
  return runLint.mock.calls[0]?.[0];
}

const WORDS = [
  'Dockerfile', 'a/Dockerfile', '*.Dockerfile', '-', '--', '--no-config', '--config', '-c', 'x.json', '--config=x.json',
  '--format', '-f', 'json', 'sarif', 'bogus', '--format=json', '--output-file', '-o', 'out.txt', '--output-file=-',
  '--rule', 'DL3008=off', '--rule=DL3008=off', '--ignore', 'DL3015', '--failure-threshold', '-t', 'error', 'none',
  '--failure-threshold=style', '--max-warnings', '0', '3', '-1', '1.5', '010', '--max-warnings=2', '--quiet', '-q',
  '--fix', '--unsafe-fixes', '--fix-dry-run', '--diff', '--color', '--no-color', '--context', 'ctx',
  '--stdin-filename', 'svc/Dockerfile', '--help', '-h', '--version', '-v', 'rules', 'parse', 'init', 'help', '--no-fix',
  '-qf', '-f=json', '--print-config', '', '1', 'true', 'false', '--fix=true', '--config=', '--foo', '-x', '--noConfig',
  '--output-file=', 'a=b', '0x1F', '--cache', '--cache-location', '.cache', 'lint.cache', '--cache-location=c/', '--no-cache',
  // hadolint's command line
  '--no-fail', '--fail', '--no-fail=true', '--strict-labels', '--no-strict-labels', '--disable-ignore-pragma', '--error', '--warning', '--info',
  '--style', 'DL3008', 'SC2086', '--error=DL3008', '--trusted-registry', 'docker.io', '--trusted-registry=my.io:5000', '--require-label',
  'maintainer:text', '--output', '--output=x.json', 'ignore', '-t=ignore', '--verbose',
  '--preset', 'hadolint', 'all', '--preset=buildkit', '--preset=',
  '--resolve-images', '--offline', '--no-offline',
  '--build-arg', 'TAG=1.2', '--build-arg=BUILDKIT_DOCKERFILE_CHECK=skip=all;error=true', 'BUILDKIT_DOCKERFILE_CHECK=error=true',
];

describe('quickLintArgs', () => {
  it('reads plain lint calls itself', () => {
    for (const argv of [
      [], ['Dockerfile'], ['--no-config', 'Dockerfile'], ['-', '--stdin-filename', 'svc/Dockerfile', '--format', 'compact'],
      ['Dockerfile', '-f', 'json', '-f', 'sarif', '-o', '-', '-o', 'out.sarif'], ['Dockerfile', '-t', 'error', '--max-warnings', '0'],
      ['Dockerfile', '--fix', '--unsafe-fixes'], ['Dockerfile', '--diff'], ['--cache', '--cache-location', 'ci/lint.cache', 'Dockerfile'], ['--format=json', '--rule', 'DL3008=off', '--ignore', 'DL3015', 'a/Dockerfile'], ['--preset', 'hadolint', 'Dockerfile'], ['--preset=all'],
      ['--build-arg', 'TAG=1.2', '--build-arg=BUILDKIT_DOCKERFILE_CHECK=skip=all', 'Dockerfile'],
      // a hadolint call
      ['--no-fail', '--error', 'DL3008', '--error', 'SC2086', '--warning', 'DL3015', '--info', 'DL3009', '--style', 'DL3059', '--ignore', 'DL3006', '-f', 'tty', 'Dockerfile'],
      ['--trusted-registry', 'docker.io', '--trusted-registry', 'my.io:5000', '--require-label', 'maintainer:text', '--strict-labels', '--disable-ignore-pragma', '-t', 'ignore', '-o', 'x.json', '-f', 'json', '-'],
    ]) expect(quickLintArgs(argv), argv.join(' ')).toBeDefined();
  });

  it('leaves help, version, subcommands and anything unusual to yargs', () => {
    for (const argv of [
      ['--help'], ['-h'], ['--version'], ['rules'], ['explain', 'DL3008'], ['Dockerfile', 'parse'], ['--print-config', 'Dockerfile'],
      ['--foo'], ['-qf', 'json'], ['--fix', '--fix'], ['--config', 'a', '--no-config'], ['--max-warnings', '-1'], ['--max-warnings', 'x'],
      ['-t', 'loud'], ['--format'], ['--', 'Dockerfile'], ['1'], [''], ['--config', '-'],
    ]) expect(quickLintArgs(argv), argv.join(' ')).toBeUndefined();
  });

  it('reads every call it accepts exactly as yargs does', async () => {
    for (const argv of [
      ['Dockerfile'], ['--no-config', 'Dockerfile'], ['-', '--output-file=-', '-o', '-'], ['--color', '--format=json', '-t', 'none'], ['--preset', 'buildkit', 'Dockerfile'],
      ['--no-fail', '--no-color', '--error', 'DL3008', '--warning=SC2086', '--trusted-registry', 'docker.io', '--require-label', 'maintainer:text', '--output', 'x', '-t', 'ignore'],
      ['--strict-labels', '--disable-ignore-pragma', '--style', 'DL3059', '--style', 'DL3060', '--info', 'x'],
    ]) {
      expect(quickLintArgs(argv), argv.join(' ')).toEqual(await yargsLintArgs(argv));
    }
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...WORDS), { maxLength: 7 }), async (argv) => {
        const quick = quickLintArgs(argv);
        if (quick === undefined) return;
        expect(quick).toEqual(await yargsLintArgs(argv));
      }),
      { numRuns: 3000 },
    );
  });
});
