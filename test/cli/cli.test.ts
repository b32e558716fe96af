import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { runCli } from './run-cli.ts';

const BAD = 'FROM debian:latest\nRUN apt-get update && apt-get install -y curl\n';
const GOOD = 'FROM debian:12\nRUN echo ok\nUSER 1000\n';

/** the temporary folders of this file's tests, removed when they are done */
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tslint-docker-cli-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('exit codes and messages', () => {
  it('exits 0 on a clean file and 1 on findings at or above the threshold', async () => {
    const dir = project({ 'Dockerfile': GOOD, 'bad/Dockerfile': BAD });
    expect((await runCli(['Dockerfile'], dir)).code).toBe(0);
    const bad = await runCli(['bad/Dockerfile'], dir);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('base-image-latest');
    expect((await runCli(['bad/Dockerfile', '--failure-threshold', 'error'], dir)).code).toBe(0);
    expect((await runCli(['bad/Dockerfile', '--failure-threshold', 'none'], dir)).code).toBe(0);
  });

  it('prints nothing in the default report for a clean file, or one whose findings are all suppressed', async () => {
    const dir = project({ 'Dockerfile': GOOD, 'bad/Dockerfile': BAD });
    expect(await runCli(['Dockerfile'], dir)).toMatchObject({ code: 0, stdout: '' });
    // every finding of BAD suppressed by a comment above its line
    const found = JSON.parse((await runCli(['bad/Dockerfile', '-f', 'json'], dir)).stdout) as { messages: { ruleId: string; line: number }[] }[];
    const byLine = new Map<number, Set<string>>();
    for (const f of found[0]!.messages) byLine.set(f.line, (byLine.get(f.line) ?? new Set()).add(f.ruleId));
    expect(byLine.size).toBeGreaterThan(0);
    const quiet = BAD.split('\n').map((line, i) => (byLine.has(i + 1) ? `# tslint-docker ignore=${[...byLine.get(i + 1)!].join(',')}\n${line}` : line)).join('\n');
    writeFileSync(join(dir, 'bad/Dockerfile'), quiet);
    expect(await runCli(['bad/Dockerfile', '-f', 'compact'], dir)).toMatchObject({ code: 0, stdout: '' });
    expect(await runCli(['bad/Dockerfile'], dir)).toMatchObject({ code: 0, stdout: '' });
  });

  it('exits 1 on a parse error whatever the threshold', async () => {
    const dir = project({ Dockerfile: 'FROM a\nFOM b\n' });
    const run = await runCli(['Dockerfile', '--failure-threshold', 'none'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('unknown instruction: FOM');
  });

  it('--max-warnings fails when exceeded', async () => {
    const dir = project({ Dockerfile: BAD });
    expect((await runCli(['Dockerfile', '-t', 'error', '--max-warnings', '0'], dir)).code).toBe(1);
    expect((await runCli(['Dockerfile', '-t', 'error', '--max-warnings', '100'], dir)).code).toBe(0);
  });

  it.each([
    [['--bogus'], /unknown option --bogus/],
    [['-t', 'loud', 'Dockerfile'], /Invalid values: Argument: failure-threshold, Given: "loud", Choices: "error"/],
    [['verify', '--engine', 'foo'], /Argument: engine, Given: "foo"/],
    [['missing-file'], /no such file or directory: missing-file/],
    [['--rule', 'no-such-rule=off', 'Dockerfile'], /unknown rule 'no-such-rule'/],
    [['--rule', 'base-image-latest'], /bad --rule 'base-image-latest'/],
    [['--format', 'xml', 'Dockerfile'], /unknown format 'xml'/],
    [['empty-dir'], /no Dockerfiles found in directory empty-dir/],
    [['--config', 'bad.json', 'Dockerfile'], /bad\.json/],
    [['explain', 'DL9999'], /unknown rule 'DL9999'/],
    [['--preset', 'hadolnt', 'Dockerfile'], /^tslint-docker: unknown preset 'hadolnt' in --preset \(did you mean 'hadolint'\?\); use one of recommended, hadolint, buildkit, all$/m],
    [['--print-config', 'Dockerfile', '--preset', 'strict'], /unknown preset 'strict' in --preset; use one of recommended, hadolint, buildkit, all/],
    [['--config', 'strict.json', 'Dockerfile'], /strict\.json: preset must be one of recommended, hadolint, buildkit, all$/m],
  ])('%j exits 2 with one line', async (args, message) => {
    const dir = project({ Dockerfile: GOOD, 'empty-dir/README': 'x', 'bad.json': '{"rules": {"base-image-latest": "loud"}}', 'strict.json': '{"preset": "strict"}' });
    const run = await runCli(args as string[], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message as RegExp);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('--no-config ignores config files', async () => {
    const dir = project({ Dockerfile: GOOD, '.tslint-dockerrc.json': '{"rules": {"base-image-latest": "loud"}}' });
    expect((await runCli(['--no-config', 'Dockerfile'], dir)).code).toBe(0);
  });

  it('an invalid config file names the file and the path', async () => {
    const dir = project({ Dockerfile: GOOD, '.tslint-dockerrc.json': '{"rules": {"base-image-latest": "loud"}}' });
    const run = await runCli(['Dockerfile'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\.tslint-dockerrc\.json: rules\.base-image-latest must be one of/);
  });
});

describe('presets', () => {
  const PINLESS = 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n';

  it('recommended by default; --preset chooses another, over the config\'s', async () => {
    const dir = project({ Dockerfile: PINLESS, 'svc/Dockerfile': PINLESS, 'svc/.tslint-dockerrc.json': '{"preset": "hadolint"}' });
    // compact: in the hadolint preset, -f json is hadolint's JSON, which names DL codes
    const ids = async (args: string[]) => [...(await runCli([...args, '-f', 'compact'], dir)).stdout.matchAll(/\[([a-z0-9-]+)\]$/gm)].map((m) => m[1]);
    expect(await ids(['Dockerfile'])).toEqual([]);
    expect(await ids(['Dockerfile', '--preset', 'hadolint'])).toEqual(['apt-pin-versions']);
    expect(await ids(['svc/Dockerfile'])).toEqual(['apt-pin-versions']);
    expect(await ids(['svc/Dockerfile', '--preset', 'recommended'])).toEqual([]);
    // the command line's rules still apply on top of the preset
    expect(await ids(['svc/Dockerfile', '--preset', 'all', '--ignore', 'DL3008'])).not.toContain('apt-pin-versions');
  });

  it('a .hadolint.yaml selects hadolint\'s preset, which its settings change rule by rule', async () => {
    const dir = project({ Dockerfile: PINLESS, '.hadolint.yaml': 'override:\n  info: [DL3008]\n' });
    const run = await runCli(['Dockerfile', '-f', 'compact'], dir);
    expect(run.stdout).toMatch(/^Dockerfile:2:\d+: info: Pin the version of `curl`.*\[apt-pin-versions\]$/m);
  });

  it('SARIF describes each rule as the run configured it', async () => {
    const dir = project({ Dockerfile: PINLESS });
    const sarif = JSON.parse((await runCli(['Dockerfile', '-f', 'sarif'], dir)).stdout);
    const rules = Object.fromEntries((sarif.runs[0].tool.driver.rules as { id: string; defaultConfiguration: unknown }[]).map((r) => [r.id, r.defaultConfiguration]));
    // its own severity is warning; recommended makes it an error (BuildKit fails the build)
    expect(rules['copy-from-undefined-stage']).toEqual({ level: 'error' });
    expect(rules['apt-pin-versions']).toEqual({ enabled: false, level: 'warning' });
    // (in the hadolint preset, -f sarif is hadolint's SARIF, which has no rule descriptors)
    const all = JSON.parse((await runCli(['Dockerfile', '-f', 'sarif', '--preset', 'all'], dir)).stdout);
    expect(all.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'apt-pin-versions').defaultConfiguration).toEqual({ level: 'warning' });
  });
});

describe('--build-arg', () => {
  const FILE = '# check=skip=JSONArgsRecommended\nFROM busybox\nCMD echo a\n';

  it('BUILDKIT_DOCKERFILE_CHECK replaces the file\'s # check= directive, over the config\'s buildArgs', async () => {
    const dir = project({ Dockerfile: FILE });
    const plain = await runCli(['--preset', 'buildkit', '-f', 'json', 'Dockerfile'], dir);
    expect(JSON.parse(plain.stdout)[0].messages).toEqual([]);
    const run = await runCli(['--preset', 'buildkit', '-f', 'json', '-t', 'error', '--build-arg', 'BUILDKIT_DOCKERFILE_CHECK=error=true', 'Dockerfile'], dir);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)[0].messages.map((m: { ruleId: string; severity: string; line: number }) => [m.ruleId, m.severity, m.line])).toEqual([['cmd-shell-form', 'error', 3]]);
    // config lookups are cached per folder: a new one
    const configured = project({ Dockerfile: FILE, '.tslint-dockerrc.json': JSON.stringify({ preset: 'buildkit', buildArgs: { BUILDKIT_DOCKERFILE_CHECK: 'error=true' } }) });
    expect((await runCli(['-t', 'error', 'Dockerfile'], configured)).code).toBe(1);
    expect((await runCli(['-t', 'error', '--build-arg', 'BUILDKIT_DOCKERFILE_CHECK=skip=all', 'Dockerfile'], configured)).code).toBe(0);
  });

  it('gives the ARGs it names their values, as the build does: rules read the image the build uses', async () => {
    const dir = project({ Dockerfile: 'FROM busybox:1.37\nARG DIR=/app\nWORKDIR ${DIR}\n' });
    const rules = async (...args: string[]) =>
      JSON.parse((await runCli(['--preset', 'all', '-f', 'json', ...args, 'Dockerfile'], dir)).stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId);
    expect(await rules()).not.toContain('workdir-relative');
    expect(await rules('--build-arg', 'DIR=app')).toContain('workdir-relative');
    expect(await rules('--build-arg', 'OTHER=app')).not.toContain('workdir-relative');
  });

  it('a value that does not parse is one line and exit 2, from the command line or the config', async () => {
    const dir = project({ Dockerfile: FILE });
    const bad = await runCli(['--build-arg', 'BUILDKIT_DOCKERFILE_CHECK=skip=all;fail=true', 'Dockerfile'], dir);
    expect([bad.code, bad.stderr.trim().split('\n')]).toEqual([2, ['tslint-docker: bad --build-arg BUILDKIT_DOCKERFILE_CHECK: invalid check option "fail"']]);
    const noName = await runCli(['--build-arg', '=1', 'Dockerfile'], dir);
    expect([noName.code, noName.stderr.trim()]).toEqual([2, "tslint-docker: bad --build-arg '=1': use --build-arg NAME=VALUE"]);
    const badConfig = project({ Dockerfile: FILE, '.tslint-dockerrc.json': JSON.stringify({ buildArgs: { BUILDKIT_DOCKERFILE_CHECK: 'error=maybe' } }) });
    const config = await runCli(['Dockerfile'], badConfig);
    expect(config.code).toBe(2);
    expect(config.stderr).toContain('.tslint-dockerrc.json: buildArgs.BUILDKIT_DOCKERFILE_CHECK: failed to parse check option "error=maybe"');
  });
});

describe('file discovery', () => {
  it('finds Dockerfiles by name under the cwd, skipping node_modules and .gitignore', async () => {
    const dir = project({
      'Dockerfile': GOOD, 'api/Dockerfile.prod': GOOD, 'web/app.Dockerfile': GOOD, 'x/Containerfile': GOOD,
      'node_modules/pkg/Dockerfile': BAD, 'build/Dockerfile': BAD, '.gitignore': 'build/\n', 'notes.txt': 'x',
    });
    const run = await runCli(['--format', 'json'], dir);
    const paths = (JSON.parse(run.stdout) as { filePath: string }[]).map((r) => r.filePath).sort();
    expect(paths).toEqual(['Dockerfile', 'api/Dockerfile.prod', 'web/app.Dockerfile', 'x/Containerfile']);
  });

  it('shows a progress line on a terminal for long runs, on stderr, cleared at the end', async () => {
    const files = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`svc${i}/Dockerfile`, GOOD]));
    const run = await runCli(['-f', 'json'], project(files), '', true);
    expect(run.stderr).toContain('[1/60] ');
    expect(run.stderr.endsWith('\r\x1b[K')).toBe(true);
    expect(JSON.parse(run.stdout)).toHaveLength(60);
  });

  it('lints large batches on worker threads with the same results, in file order', { timeout: 120_000 }, async () => {
    const files = Object.fromEntries(Array.from({ length: 230 }, (_, i) => [`svc${String(i).padStart(3, '0')}/Dockerfile`, i % 3 ? GOOD : BAD]));
    const dir = project(files);
    process.env.TSLINT_DOCKER_WORKERS = '1';
    const parallel = await runCli(['-f', 'json'], dir);
    process.env.TSLINT_DOCKER_WORKERS = '0';
    try {
      const sequential = await runCli(['-f', 'json'], dir);
      expect(parallel.stdout).toBe(sequential.stdout);
      expect(parallel.code).toBe(sequential.code);
    } finally {
      delete process.env.TSLINT_DOCKER_WORKERS;
    }
    expect((JSON.parse(parallel.stdout) as { filePath: string }[]).map((r) => r.filePath)).toEqual(Object.keys(files).sort());
  });

  it('reads stdin with --stdin-filename', async () => {
    const dir = project({});
    const run = await runCli(['-', '--stdin-filename', 'svc/Dockerfile', '--format', 'compact'], dir, BAD);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^svc\/Dockerfile:1:6: warning: /m);
  });
});

describe('formats', () => {
  it('json carries ruleId, aliases and 1-based positions; sarif goes to a file', async () => {
    const dir = project({ Dockerfile: BAD });
    const run = await runCli(['Dockerfile', '-f', 'json', '-f', 'sarif', '-o', '-', '-o', 'out.sarif'], dir);
    const [file] = JSON.parse(run.stdout) as { messages: { ruleId: string; aliases: string[]; line: number; column: number; endColumn: number }[] }[];
    expect(file!.messages.find((m) => m.ruleId === 'base-image-latest')).toMatchObject({ aliases: ['DL3007'], line: 1, column: 6, endColumn: 19 });
    const sarif = JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].invocations[0].exitCode).toBe(1);
  });
});

describe('writing the report', () => {
  it('waits for stdout before it writes the next piece (a pipe whose reader is behind)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tslint-docker-pipe-'));
    made.push(dir);
    const files: string[] = [];
    for (let i = 0; i < 200; i++) {
      const file = `${i}.Dockerfile`;
      writeFileSync(join(dir, file), 'FROM debian\nRUN apt-get update && apt-get install -y curl wget\nRUN cd /src && make\n');
      files.push(file);
    }
    const writes: string[] = [];
    let release: () => void = () => {};
    const run = main(['--no-config', '-f', 'json', ...files], {
      cwd: dir,
      version: '0.1.0',
      // the first piece makes the writer wait, as a full pipe does
      stdout: (t) => {
        writes.push(typeof t === 'string' ? t : Buffer.from(t).toString('utf8'));
        if (writes.length === 1) return new Promise<void>((r) => (release = r));
      },
      stderr: () => {},
      readStdin: async () => '',
      isTTY: false,
    });
    const turn = () => new Promise((r) => setImmediate(r));
    while (writes.length === 0) await turn();
    for (let i = 0; i < 20; i++) await turn();
    expect(writes).toHaveLength(1);
    release();
    expect(await run).toBe(1);
    // a report of several pieces, whole and in order
    expect(writes.length).toBeGreaterThan(2);
    const report = JSON.parse(writes.join('')) as { filePath: string }[];
    expect(report.map((r) => r.filePath).sort()).toEqual([...files].sort());
  });
});

describe('--fix', () => {
  it('applies safe fixes atomically, keeps permissions, CRLF and BOM; a second run changes nothing', async () => {
    const crlf = '\uFEFFFROM debian:12\r\nRUN apt-get update && apt-get install -y curl\r\n';
    const dir = project({ Dockerfile: crlf });
    chmodSync(join(dir, 'Dockerfile'), 0o640);
    const run = await runCli(['Dockerfile', '--fix'], dir);
    expect(run.stdout).toMatch(/Dockerfile: fixed \d+ problems? \(.*apt-no-install-recommends/);
    const fixed = readFileSync(join(dir, 'Dockerfile'), 'utf8');
    // other rules' safe fixes may apply too; what matters: the fix is in, BOM and CRLF are kept
    expect(fixed).toContain('apt-get install --no-install-recommends');
    expect(fixed.startsWith('\uFEFFFROM debian:12\r\n')).toBe(true);
    expect(fixed.replace(/\r\n/g, '')).not.toContain('\n');
    expect(statSync(join(dir, 'Dockerfile')).mode & 0o777).toBe(0o640);
    const again = await runCli(['Dockerfile', '--fix'], dir);
    expect(again.stdout).not.toContain('fixed');
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(fixed);
  });

  it('leaves a file with nothing to fix byte-identical, mtime included', async () => {
    const dir = project({ Dockerfile: GOOD });
    const old = new Date('2020-01-01T00:00:00Z');
    utimesSync(join(dir, 'Dockerfile'), old, old);
    await runCli(['Dockerfile', '--fix'], dir);
    expect(statSync(join(dir, 'Dockerfile')).mtime.getTime()).toBe(old.getTime());
  });

  it('--diff prints a unified diff, changes nothing, and exits 1 when there would be changes', async () => {
    const dir = project({ Dockerfile: BAD, 'ok/Dockerfile': GOOD });
    const run = await runCli(['Dockerfile', '--diff'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^-RUN apt-get update && apt-get install -y curl\n\+RUN apt-get update && apt-get install --no-install-recommends/m);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(BAD);
    expect((await runCli(['ok/Dockerfile', '--diff'], dir)).code).toBe(0);
  });

  it('with stdin writes the fixed text to stdout and the report to stderr', async () => {
    const run = await runCli(['-', '--fix'], project({}), BAD);
    expect(run.stdout).toMatch(/^FROM debian:latest\nRUN apt-get update && apt-get install --no-install-recommends .*curl/);
    expect(run.stderr).toContain('base-image-latest');
  });
});

/** Applies a unified diff to bytes (read as latin1: one character per byte), as `patch` would. */
function applyDiff(original: Buffer, diff: Buffer): Buffer {
  const lines = original.toString('latin1').split(/(?<=\n)/);
  const out: string[] = [];
  let at = 0;
  const diffLines = diff.toString('latin1').split('\n');
  for (let k = 0; k < diffLines.length; k++) {
    const m = /^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@/.exec(diffLines[k]!);
    if (!m) continue;
    const start = Number(m[1]) - (m[2] === '0' ? 0 : 1);
    out.push(...lines.slice(at, start));
    at = start;
    for (k++; k < diffLines.length && /^[ +\-\\]/.test(diffLines[k]!); k++) {
      const line = diffLines[k]!;
      const noNewline = diffLines[k + 1]?.startsWith('\\') ?? false;
      const text = line.slice(1) + (noNewline ? '' : '\n');
      if (line[0] === ' ') out.push(lines[at++]!);
      else if (line[0] === '-') {
        expect(lines[at]).toBe(text);
        at++;
      } else if (line[0] === '+') out.push(text);
    }
    k--;
  }
  out.push(...lines.slice(at));
  return Buffer.from(out.join(''), 'latin1');
}

describe('--fix keeps every byte it does not change', () => {
  const FIXABLE = 'RUN apt-get update && apt-get install -y curl';
  const cases: [string, Buffer][] = [
    ['Latin-1 bytes on other lines', Buffer.concat([Buffer.from('FROM debian:12\nLABEL maintainer="Jos'), Buffer.from([0xe9]), Buffer.from(`"\n${FIXABLE}\n# caf`), Buffer.from([0xe9, 0xff]), Buffer.from('\n')])],
    ['Latin-1 bytes on the fixed line', Buffer.concat([Buffer.from(`FROM debian:12\n${FIXABLE} # `), Buffer.from([0xe9]), Buffer.from('\n')])],
    ['a BOM and CRLF line endings', Buffer.from(`\uFEFFFROM debian:12\r\n# caf\u00e9 \u{1F433}\r\n${FIXABLE}\r\nCMD ["x"]`, 'utf8')],
  ];

  it.each(cases)('%s: --fix changes only the fixed ranges, and --diff shows exactly that', async (_name, original) => {
    const dir = project({});
    writeFileSync(join(dir, 'Dockerfile'), original);
    const diff = await runCli(['Dockerfile', '--diff'], dir);
    expect(diff.code).toBe(1);
    expect(readFileSync(join(dir, 'Dockerfile'))).toEqual(original);
    const fix = await runCli(['Dockerfile', '--fix'], dir);
    expect(fix.stdout).toContain('Dockerfile: fixed');
    const fixed = readFileSync(join(dir, 'Dockerfile'));
    expect(fixed.toString('latin1')).toContain('--no-install-recommends');
    // what the diff says is what was written, byte for byte
    expect(applyDiff(original, diff.stdoutBytes)).toEqual(fixed);
    // every line the fixes did not touch is the same bytes
    const untouched = (b: Buffer) => b.toString('latin1').split('\n').filter((l) => !l.includes('apt-get'));
    expect(untouched(fixed)).toEqual(untouched(original));
    expect(fixed.includes(Buffer.from([0xef, 0xbf, 0xbd]))).toBe(false); // no U+FFFD anywhere
  });

  it('stdin: the fixed text on stdout keeps the bytes too', async () => {
    const original = Buffer.concat([Buffer.from(`FROM debian:12\n# `), Buffer.from([0xe9]), Buffer.from(`\n${FIXABLE}\n`)]);
    const { decodeText } = await import('../../src/fix/encoding.ts');
    const run = await runCli(['-', '--fix'], project({}), decodeText(original));
    expect(run.stdoutBytes.subarray(0, 18)).toEqual(original.subarray(0, 18));
    expect(run.stdoutBytes.toString('latin1')).toContain('--no-install-recommends');
  });

  it('follows a symlinked Dockerfile: the target gets the fix, the link stays a link', async () => {
    const dir = project({ 'docker/real.Dockerfile': `FROM debian:12\n${FIXABLE}\n` });
    symlinkSync('docker/real.Dockerfile', join(dir, 'Dockerfile'));
    const run = await runCli(['Dockerfile', '--fix'], dir);
    expect(run.code).not.toBe(2);
    expect(lstatSync(join(dir, 'Dockerfile')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'docker/real.Dockerfile'), 'utf8')).toContain('--no-install-recommends');
  });

  it('does not write a file without write permission: one line naming it, exit 2, the file as it was', async () => {
    const dir = project({ Dockerfile: `FROM debian:12\n${FIXABLE}\n`, 'ok/Dockerfile': `FROM debian:12\n${FIXABLE}\n` });
    chmodSync(join(dir, 'Dockerfile'), 0o444);
    const before = statSync(join(dir, 'Dockerfile'));
    const run = await runCli(['Dockerfile', 'ok/Dockerfile', '--fix'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('tslint-docker: cannot write Dockerfile: no write permission\n');
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(`FROM debian:12\n${FIXABLE}\n`);
    const after = statSync(join(dir, 'Dockerfile'));
    expect([after.mode, after.uid, after.gid, after.mtimeMs]).toEqual([before.mode, before.uid, before.gid, before.mtimeMs]);
    // the other file is fixed, and the summary names only it
    expect(readFileSync(join(dir, 'ok/Dockerfile'), 'utf8')).toContain('--no-install-recommends');
    expect(run.stdout).toMatch(/^ok\/Dockerfile: fixed/m);
    expect(run.stdout).not.toMatch(/^Dockerfile: fixed/m);
  });

  it.skipIf(process.getuid?.() !== 0)('keeps the owner, group and mode of the file it fixes', async () => {
    const dir = project({ Dockerfile: `FROM debian:12\n${FIXABLE}\n` });
    chownSync(join(dir, 'Dockerfile'), 1234, 5678);
    chmodSync(join(dir, 'Dockerfile'), 0o660);
    await runCli(['Dockerfile', '--fix'], dir);
    const after = statSync(join(dir, 'Dockerfile'));
    expect([after.uid, after.gid, after.mode & 0o7777]).toEqual([1234, 5678, 0o660]);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toContain('--no-install-recommends');
  });

  it('in a folder it may not write to: one line naming the file, exit 2', async (ctx) => {
    const dir = project({ 'ro/Dockerfile': `FROM debian:12\n${FIXABLE}\n` });
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'ro'), 0o555);
    let run: { code: number | null; stderr: string };
    if (process.getuid?.() === 0) {
      // root writes anywhere: run the CLI from source as nobody, owning the file but not the folder
      chownSync(join(dir, 'ro/Dockerfile'), 65534, 65534);
      const tsx = import.meta.resolve('tsx');
      const entry = new URL('../../src/cli/main.ts', import.meta.url).href;
      // nobody must be able to read the code (a checkout under a folder only root may enter is not)
      const readable = spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(fileURLToPath(entry))}, 4)`], { uid: 65534, gid: 65534 });
      if (readable.status !== 0) ctx.skip('running as root, and user nobody cannot read this checkout to run the CLI');
      const code = `const { main } = await import(${JSON.stringify(entry)}); process.exitCode = await main(process.argv.slice(1));`;
      const child = spawnSync(process.execPath, ['--import', tsx, '--input-type=module', '-e', code, 'ro/Dockerfile', '--fix', '-f', 'compact'], { cwd: dir, uid: 65534, gid: 65534, encoding: 'utf8' });
      run = { code: child.status, stderr: child.stderr };
    } else {
      run = await runCli(['ro/Dockerfile', '--fix', '-f', 'compact'], dir);
    }
    chmodSync(join(dir, 'ro'), 0o755);
    expect(run.stderr).toBe(`tslint-docker: cannot write ro/Dockerfile: the folder ${join(dir, 'ro')} is not writable\n`);
    expect(run.code).toBe(2);
    expect(readFileSync(join(dir, 'ro/Dockerfile'), 'utf8')).toBe(`FROM debian:12\n${FIXABLE}\n`);
  });

  it('gives a file with a syntax error no fixes, and says so in the summary', async () => {
    const text = `FROM debian:12\n${FIXABLE}\nFOM x\n`;
    const dir = project({ Dockerfile: text });
    const run = await runCli(['Dockerfile', '--fix'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Dockerfile: not fixed: it has a syntax error (line 3: unknown instruction: FOM (did you mean FROM?))\n');
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(text);
    expect((await runCli(['Dockerfile', '--diff'], dir)).stdout).toBe('');
  });
});

describe('subcommands', () => {
  it('parse --format buildkit prints BuildKit\'s dump; parse prints JSON', async () => {
    const dir = project({ Dockerfile: 'FROM a AS b\nRUN echo hi\n' });
    expect((await runCli(['parse', 'Dockerfile', '--format', 'buildkit'], dir)).stdout).toBe('(from "a" "AS" "b")\n(run "echo hi")\n');
    const tree = JSON.parse((await runCli(['parse', 'Dockerfile'], dir)).stdout);
    expect(tree.instructions[1].keyword).toBe('RUN');
  });

  it('rules lists every rule with its setting in each preset; explain finds a rule by alias; init writes a config once', async () => {
    const dir = project({});
    const table = (await runCli(['rules'], dir)).stdout;
    expect(table).toMatch(/^id\s+aliases\s+recommended\s+hadolint\s+buildkit\s+all\s+fixable\s+category$/m);
    expect(table).toMatch(/^apt-pin-versions\s+DL3008\s+off\s+warning\s+off\s+warning\s/m);
    const json = JSON.parse((await runCli(['rules', '--format', 'json'], dir)).stdout) as { id: string; presets: unknown }[];
    expect(json.find((r) => r.id === 'stage-name-casing')!.presets).toEqual({ recommended: 'warning', hadolint: 'off', buildkit: 'warning', all: 'warning' });
    const explained = (await runCli(['explain', 'dl3015'], dir)).stdout;
    expect(explained).toContain('## Why is this bad?');
    expect(explained).toMatch(/^- Presets: `recommended` \(info\), `hadolint` \(info\), `all` \(info\)$/m);
    expect((await runCli(['init'], dir)).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, '.tslint-dockerrc.json'), 'utf8')).$schema).toBeDefined();
    expect((await runCli(['init'], dir)).code).toBe(2);
  });

  it('--print-config shows the resolved configuration; --version and --help work', async () => {
    const dir = project({ Dockerfile: GOOD, '.hadolint.yaml': 'ignored:\n  - DL3007\n' });
    const config = JSON.parse((await runCli(['--print-config', 'Dockerfile'], dir)).stdout);
    expect(config.preset).toBe('hadolint');
    expect(config.rules['base-image-latest']).toBe('off');
    expect(config.rules['apt-pin-versions']).toBe('warning');
    const flags = JSON.parse((await runCli(['--print-config', 'Dockerfile', '--preset', 'buildkit', '--rule', 'DL3007=error'], dir)).stdout);
    expect(flags.preset).toBe('buildkit');
    expect(flags.rules['apt-pin-versions']).toBe('off');
    expect(flags.rules['stage-name-casing']).toBe('warning');
    // the .hadolint.yaml's ignore, then the command line's rule
    expect(flags.rules['base-image-latest']).toBe('error');
    expect((await runCli(['--version'], dir)).stdout.trim()).toBe('0.1.0');
    expect((await runCli(['--help'], dir)).stdout).toContain('--unsafe-fixes');
  });
});
