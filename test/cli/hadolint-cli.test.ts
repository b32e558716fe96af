/**
 * hadolint 2.15's command line works unchanged (issue 20): its flags, its HADOLINT_* variables
 * with hadolint's precedence (flags over a config file over the environment), its formats and
 * their exit codes, and `-` for stdin.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { Linter, type LintOptions } from '../../src/linter/linter.ts';
import { defineRule } from '../../src/linter/rule.ts';
import type { CliRun } from './run-cli.ts';

// base-image-latest (DL3007, warning) at 1, apt-pin-versions (DL3008, warning) and apt-no-install-recommends (DL3015, info) at 2
const BAD = 'FROM debian:latest\nRUN apt-get update && apt-get install -y curl\n';
const GOOD = 'FROM debian:12\nRUN echo ok\nUSER 1000\n';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tslint-docker-hadolint-cli-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

async function run(args: string[], cwd: string, { env = {}, stdin = '' }: { env?: Record<string, string>; stdin?: string } = {}): Promise<CliRun> {
  const chunks: Buffer[] = [];
  let stderr = '';
  const code = await main(args, {
    cwd, version: '0.1.0', isTTY: false, env,
    stdout: (t) => void chunks.push(typeof t === 'string' ? Buffer.from(t, 'utf8') : Buffer.from(t)),
    stderr: (t) => void (stderr += t),
    readStdin: async () => stdin,
  });
  const stdoutBytes = Buffer.concat(chunks);
  return { code, stdout: stdoutBytes.toString('utf8'), stdoutBytes, stderr };
}

/** rule id -> severity of what a run reports, from our JSON */
async function levels(args: string[], cwd: string, env: Record<string, string> = {}): Promise<Record<string, string>> {
  const result = await run(['--no-config', '-f', 'json', ...args], cwd, { env });
  const [file] = JSON.parse(result.stdout) as { messages: { ruleId: string; severity: string }[] }[];
  return Object.fromEntries(file!.messages.map((m) => [m.ruleId, m.severity]));
}

describe('hadolint\'s flags', () => {
  it('--error/--warning/--info/--style set a rule\'s level by DL code, id or alias; a code given two levels gets the higher', async () => {
    const dir = project({ Dockerfile: BAD });
    expect(await levels(['Dockerfile', '--error', 'DL3007', '--style', 'apt-pin-versions', '--info', 'DL3008', '--warning', 'DL3015'], dir)).toMatchObject({
      'base-image-latest': 'error',
      'apt-pin-versions': 'info',
      'apt-no-install-recommends': 'warning',
    });
    expect((await levels(['Dockerfile', '--error', 'DL3007', '--warning', 'DL3007'], dir))['base-image-latest']).toBe('error');
    // --rule, ours, comes last
    expect((await levels(['Dockerfile', '--error', 'DL3007', '--rule', 'DL3007=style'], dir))['base-image-latest']).toBe('style');
  });

  it('--ignore takes DL codes; a ShellCheck code or a DL code of a rule this tool lacks is accepted, the latter with a notice', async () => {
    const dir = project({ Dockerfile: BAD });
    expect(await levels(['Dockerfile', '--ignore', 'DL3007', '--ignore', 'SC2086'], dir)).not.toHaveProperty('base-image-latest');
    const result = await run(['--no-config', 'Dockerfile', '--ignore', 'DL3999', '--error', 'DL3998', '-f', 'json'], dir);
    expect(result.stderr).toBe('command line: rules tslint-docker does not implement, ignored: DL3998, DL3999\n');
    expect(result.code).toBe(1);
  });

  it('a name that is no rule and no hadolint code is one line, exit 2', async () => {
    const result = await run(['--no-config', 'Dockerfile', '--error', 'no-such-rule'], project({ Dockerfile: BAD }));
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("tslint-docker: unknown rule 'no-such-rule' in --error\n");
  });

  it('--no-fail exits 0 whatever is found, a parse error too', async () => {
    const dir = project({ Dockerfile: BAD, 'broken/Dockerfile': 'FROM a\nFOM b\n' });
    expect((await run(['--no-config', 'Dockerfile', 'broken/Dockerfile'], dir)).code).toBe(1);
    expect((await run(['--no-config', '--no-fail', 'Dockerfile', 'broken/Dockerfile'], dir)).code).toBe(0);
    expect((await run(['--no-config', '--no-fail', '--max-warnings', '0', 'Dockerfile'], dir)).stderr).toBe('');
  });

  it('-t/--failure-threshold takes hadolint\'s ignore (any finding fails); none is ours (no finding fails)', async () => {
    const dir = project({ Dockerfile: BAD });
    expect((await run(['--no-config', 'Dockerfile', '-t', 'error'], dir)).code).toBe(0);
    expect((await run(['--no-config', 'Dockerfile', '--failure-threshold', 'warning'], dir)).code).toBe(1);
    expect((await run(['--no-config', 'Dockerfile', '-t', 'error', '--style', 'DL3007'], dir)).code).toBe(0);
    expect((await run(['--no-config', 'Dockerfile', '-t', 'ignore', '--ignore', 'DL3008', '--ignore', 'missing-user', '--style', 'DL3007', '--style', 'DL3015', '--style', 'DL3009'], dir)).code).toBe(1);
    expect((await run(['--no-config', 'Dockerfile', '-t', 'none'], dir)).code).toBe(0);
  });

  it('--trusted-registry turns on DL3026 for images from anywhere else', async () => {
    const dir = project({ Dockerfile: GOOD });
    expect(await levels(['Dockerfile'], dir)).not.toHaveProperty('untrusted-registry');
    expect(await levels(['Dockerfile', '--trusted-registry', 'my.registry:5000', '--trusted-registry', 'ghcr.io'], dir)).toHaveProperty('untrusted-registry');
    expect(await levels(['Dockerfile', '--trusted-registry', 'docker.io'], dir)).not.toHaveProperty('untrusted-registry');
  });

  it('--require-label LABEL:FORMAT and --strict-labels check labels; a bad format is one line, exit 2', async () => {
    const dir = project({ Dockerfile: `${GOOD}LABEL team="x"\n` });
    expect(await levels(['Dockerfile', '--require-label', 'maintainer:email'], dir)).toHaveProperty('label-missing');
    expect(await levels(['Dockerfile', '--require-label', 'maintainer:email'], dir)).not.toHaveProperty('label-superfluous');
    expect(await levels(['Dockerfile', '--require-label', 'maintainer:email', '--strict-labels'], dir)).toHaveProperty('label-superfluous');
    const bad = await run(['Dockerfile', '--require-label', 'maintainer:phone'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe("tslint-docker: bad --require-label 'maintainer:phone': use LABEL:FORMAT, FORMAT one of text, url, semver, hash, rfc3339, spdx, email\n");
  });

  it('--disable-ignore-pragma reports what `# hadolint ignore=` comments suppress', async () => {
    const dir = project({ Dockerfile: `# hadolint ignore=DL3007\n${BAD}` });
    expect(await levels(['Dockerfile'], dir)).not.toHaveProperty('base-image-latest');
    expect(await levels(['Dockerfile', '--disable-ignore-pragma'], dir)).toHaveProperty('base-image-latest');
  });

  it('- reads stdin; --no-color and -o/--output work as hadolint\'s', async () => {
    const dir = project({});
    const tty = await run(['--no-config', '-f', 'tty', '--no-color', '-'], dir, { stdin: BAD });
    expect(tty.code).toBe(1);
    expect(tty.stdout).toContain('Dockerfile:1 DL3007 warning: Using latest is prone to errors');
    expect(tty.stdout).not.toContain('\u001b[');
    await run(['--no-config', '-f', 'json', '--output', 'out/report.json', '-'], dir, { stdin: BAD });
    expect(JSON.parse(readFileSync(join(dir, 'out/report.json'), 'utf8'))[0].filePath).toBe('Dockerfile');
  });
});

describe('hadolint\'s formats on the command line', () => {
  it('tty, gnu, gitlab_codeclimate, sonarqube and sarif fail as any format does; codeclimate and codacy exit 0, as in hadolint', async () => {
    const dir = project({ Dockerfile: BAD });
    for (const format of ['tty', 'gnu', 'gitlab_codeclimate', 'sonarqube', 'sarif']) expect((await run(['--no-config', '-f', format, 'Dockerfile'], dir)).code, format).toBe(1);
    for (const format of ['codeclimate', 'codacy']) {
      const result = await run(['--no-config', '-f', format, 'Dockerfile'], dir);
      expect(result.code, format).toBe(0);
      expect(result.stdout, format).toContain('"DL3007"');
    }
    const gnu = await run(['--no-config', '--preset', 'hadolint', '-f', 'gnu', 'Dockerfile'], dir);
    expect(gnu.stdout.split('\n')).toContain('tslint-docker:Dockerfile:1: DL3007 warning: Using latest is prone to errors if the image will ever update. Pin the version explicitly to a release tag');
  });

  it('in the hadolint preset, json, sarif, checkstyle and junit are hadolint\'s shape and tty the default; ours otherwise', async () => {
    const dir = project({ Dockerfile: BAD });
    const ours = JSON.parse((await run(['--no-config', '-f', 'json', 'Dockerfile'], dir)).stdout);
    expect(ours[0].filePath).toBe('Dockerfile');
    expect((await run(['--no-config', 'Dockerfile'], dir)).stdout).toContain('✖');
    const hadolint = ['--no-config', '--preset', 'hadolint'];
    const theirs = JSON.parse((await run([...hadolint, '-f', 'json', 'Dockerfile'], dir)).stdout);
    expect(theirs).toContainEqual({ code: 'DL3007', column: 1, file: 'Dockerfile', level: 'warning', line: 1, message: expect.any(String) });
    expect((await run([...hadolint, 'Dockerfile'], dir)).stdout).toMatch(/^Dockerfile:1 DL3007 warning: /m);
    const sarif = JSON.parse((await run([...hadolint, '-f', 'sarif', 'Dockerfile'], dir)).stdout);
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toContain('DL3007');
    expect(sarif.runs[0].tool.driver.rules).toBeUndefined();
    expect((await run([...hadolint, '-f', 'checkstyle', 'Dockerfile'], dir)).stdout).toContain('source="DL3007"');
    // a .hadolint.yaml selects the preset, and with it hadolint's formats
    const configured = project({ Dockerfile: BAD, '.hadolint.yaml': 'failure-threshold: info\n' });
    expect((await run(['Dockerfile'], configured)).stdout).toMatch(/^Dockerfile:1 DL3007 warning: /m);
  });
});

describe('HADOLINT_* variables', () => {
  it('set what the flags set', async () => {
    const dir = project({ Dockerfile: BAD });
    expect(await levels(['Dockerfile'], dir, { HADOLINT_OVERRIDE_ERROR: 'DL3007', HADOLINT_OVERRIDE_STYLE: 'DL3008, DL3015', HADOLINT_IGNORE: 'missing-user' })).toEqual({
      'base-image-latest': 'error', 'apt-pin-versions': 'style', 'apt-no-install-recommends': 'style',
    });
    expect((await run(['--no-config', 'Dockerfile'], dir, { env: { HADOLINT_NOFAIL: 'yes' } })).code).toBe(0);
    expect((await run(['--no-config', 'Dockerfile'], dir, { env: { HADOLINT_NOFAIL: '0' } })).code).toBe(1);
    expect(await levels(['Dockerfile'], dir, { HADOLINT_TRUSTED_REGISTRIES: 'my.io,ghcr.io' })).toHaveProperty('untrusted-registry');
    expect(await levels(['Dockerfile'], dir, { HADOLINT_REQUIRE_LABELS: 'maintainer:email,bogus:nope', HADOLINT_STRICT_LABELS: 'true' })).toHaveProperty('label-missing');
    expect((await run(['--no-config', 'Dockerfile'], dir, { env: { HADOLINT_FORMAT: 'gnu' } })).stdout).toMatch(/^tslint-docker:Dockerfile:1: /);
    // a flag is not added to the variable's formats: it replaces them
    expect((await run(['--no-config', '-f', 'compact', 'Dockerfile'], dir, { env: { HADOLINT_FORMAT: 'gnu' } })).stdout).toMatch(/^Dockerfile:1:\d+: /);
  });

  it('a flag wins over a config file, which wins over a variable', async () => {
    const dir = project({ Dockerfile: BAD, '.hadolint.yaml': 'failure-threshold: error\n' });
    const noConfig = project({ Dockerfile: BAD });
    const env = { HADOLINT_FAILURE_THRESHOLD: 'warning' };
    expect((await run(['Dockerfile'], noConfig, { env })).code).toBe(1);
    expect((await run(['Dockerfile'], noConfig, { env: { HADOLINT_FAILURE_THRESHOLD: 'error' } })).code).toBe(0);
    expect((await run(['Dockerfile'], dir, { env })).code).toBe(0);
    expect((await run(['Dockerfile', '-t', 'warning'], dir, { env })).code).toBe(1);
    const pragma = project({ Dockerfile: `# hadolint ignore=DL3007\n${BAD}`, '.hadolint.yaml': 'disable-ignore-pragma: false\n' });
    expect(await levels(['Dockerfile'], pragma, { HADOLINT_DISABLE_IGNORE_PRAGMA: '1' })).toHaveProperty('base-image-latest');
    expect((await run(['-f', 'json', 'Dockerfile'], pragma, { env: { HADOLINT_DISABLE_IGNORE_PRAGMA: '1' } })).stdout).not.toContain('base-image-latest');
  });
});

describe('a ShellCheck code', () => {
  // what the shellcheck rule reports: each finding carries its SC code (the rule needs a shellcheck binary, so a stand-in)
  const shell = defineRule({
    meta: { id: 'shellcheck', aliases: [], severity: 'warning', category: 'correctness', docs: { summary: 's', description: 'd', why: 'w', bad: 'b', good: 'g' } },
    create: (ctx) => ({
      run(run) {
        ctx.report({ span: run.ins, message: 'quote it', aliases: ['SC2086'] });
        ctx.report({ span: run.ins, message: 'use $()', aliases: ['SC2006'] });
      },
    }),
  });

  it('sets or drops the findings that carry it', () => {
    const linter = new Linter([shell]);
    const found = (codes: LintOptions['codes']) => linter.lint('FROM a\nRUN echo $x `y`\n', { codes, preset: 'hadolint' }).findings.map((f) => `${f.aliases.join()} ${f.severity}`);
    expect(found(undefined)).toEqual(['SC2086 warning', 'SC2006 warning']);
    expect(found({ SC2086: 'off', SC2006: 'error' })).toEqual(['SC2006 error']);
  });
});
