import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cacheFilePath, DEFAULT_CACHE_FILE, ResultCache } from '../../src/cli/result-cache.ts';
import type { LintOptions } from '../../src/linter/linter.ts';
import type { Finding } from '../../src/linter/types.ts';
import { clearContextCache, loadContext } from '../../src/model/context.ts';
import { SHARED } from '../helpers/shared.ts';
import { runCli } from './run-cli.ts';

const dirs: string[] = [];
function tempDir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'tslint-docker-cache-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  // each CLI run below stands for a new process, which reads the build context afresh
  clearContextCache();
});

/** the cache file: a header line, then a line per file (its path and entry in JSON, a tab between) */
function readCache(path: string): { header: unknown; entries: Record<string, Record<string, unknown>> } {
  const [header, ...lines] = readFileSync(path, 'utf8').trimEnd().split('\n');
  const entries: Record<string, Record<string, unknown>> = {};
  for (const line of lines) {
    const tab = line.indexOf('\t');
    entries[JSON.parse(line.slice(0, tab)) as string] = JSON.parse(line.slice(tab + 1)) as Record<string, unknown>;
  }
  return { header: JSON.parse(header!), entries };
}
function writeCache(path: string, header: unknown, lines: Record<string, string>): void {
  writeFileSync(path, [JSON.stringify(header), ...Object.entries(lines).map(([file, line]) => `${JSON.stringify(file)}\t${line}`)].join('\n'));
}

const finding = (message: string): Finding => ({
  ruleId: 'demo', aliases: [], severity: 'warning', message,
  range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 2, offset: 1 } },
});

describe('ResultCache', () => {
  function setUp(files: Record<string, string> = {}) {
    const dir = tempDir(files);
    const path = join(dir, 'cache');
    const lint = vi.fn((options: LintOptions) => {
      // a rule that asks the context, as cache-busting-copy does
      const asked = options.context?.exists('package.json');
      return [finding(`package.json ${asked ? 'exists' : 'missing'}`)];
    });
    const options = (): LintOptions => ({ filePath: 'Dockerfile', rules: { demo: 'warning' }, context: loadContext(dir, join(dir, 'Dockerfile')) });
    return { dir, path, lint, options };
  }

  it('answers the same text with the same settings and context from the cache', () => {
    const { path, lint, options } = setUp();
    const cache = ResultCache.open(path, '1.0.0');
    const first = cache.findings('/p/Dockerfile', 'FROM a\n', options(), lint);
    const second = cache.findings('/p/Dockerfile', 'FROM a\n', options(), lint);
    expect(second).toEqual(first);
    expect(lint).toHaveBeenCalledTimes(1);
    expect(cache.hits).toBe(1);
  });

  it('lints again when a path the rules asked the kind of changed (a file that became a tar archive)', () => {
    const { dir, path, options } = setUp({ bundle: 'plain text' });
    const lint = vi.fn((o: LintOptions) => [finding(`bundle is ${o.context?.kind('bundle') ?? 'missing'}`)]);
    const cache = ResultCache.open(path, '1.0.0');
    expect(cache.findings('/p/Dockerfile', 'FROM a\n', options(), lint)).toEqual([finding('bundle is file')]);
    expect(cache.findings('/p/Dockerfile', 'FROM a\n', options(), lint)).toEqual([finding('bundle is file')]);
    expect(lint).toHaveBeenCalledTimes(1);
    writeFileSync(join(dir, 'bundle'), Buffer.from([0x1f, 0x8b, 0x08, 0x00]));
    expect(cache.findings('/p/Dockerfile', 'FROM a\n', options(), lint)).toEqual([finding('bundle is archive')]);
    expect(lint).toHaveBeenCalledTimes(2);
  });

  it('lints again when the text, the settings (the preset among them), or an answer of the context changed', () => {
    const { dir, path, lint, options } = setUp();
    const cache = ResultCache.open(path, '1.0.0');
    cache.findings('/p/Dockerfile', 'FROM a\n', options(), lint);
    cache.findings('/p/Dockerfile', 'FROM b\n', options(), lint);
    expect(lint).toHaveBeenCalledTimes(2);
    cache.findings('/p/Dockerfile', 'FROM b\n', { ...options(), rules: { demo: 'error' } }, lint);
    expect(lint).toHaveBeenCalledTimes(3);
    cache.findings('/p/Dockerfile', 'FROM b\n', { ...options(), filePath: 'other/Dockerfile' }, lint);
    expect(lint).toHaveBeenCalledTimes(4);
    // the same rules in another preset: its semantics differ
    cache.findings('/p/Dockerfile', 'FROM b\n', { ...options(), filePath: 'other/Dockerfile', preset: 'hadolint' }, lint);
    expect(lint).toHaveBeenCalledTimes(5);
    writeFileSync(join(dir, 'package.json'), '{}');
    expect(cache.findings('/p/Dockerfile', 'FROM b\n', { ...options(), filePath: 'other/Dockerfile', preset: 'hadolint' }, lint)).toEqual([finding('package.json exists')]);
    expect(lint).toHaveBeenCalledTimes(6);
    expect(cache.hits).toBe(0);
  });

  it('lints again when the .dockerignore in use appears or changes', () => {
    const { dir, path, lint } = setUp();
    const cache = ResultCache.open(path, '1.0.0');
    const options = (): LintOptions => {
      clearContextCache();
      return { filePath: 'Dockerfile', context: loadContext(dir, join(dir, 'Dockerfile')) };
    };
    cache.findings('/p/Dockerfile', 'FROM a\n', options(), lint);
    writeFileSync(join(dir, '.dockerignore'), 'node_modules\n');
    cache.findings('/p/Dockerfile', 'FROM a\n', options(), lint);
    expect(lint).toHaveBeenCalledTimes(2);
    cache.findings('/p/Dockerfile', 'FROM a\n', options(), lint);
    expect(lint).toHaveBeenCalledTimes(2);
    writeFileSync(join(dir, '.dockerignore'), 'node_modules\n*.md\n');
    // a new run: the .dockerignore is read again
    const next = ResultCache.open(path, '1.0.0');
    next.findings('/p/Dockerfile', 'FROM a\n', options(), lint);
    expect(lint).toHaveBeenCalledTimes(3);
  });

  it('keeps entries across runs of the same build only', () => {
    const { dir, path, lint, options } = setUp({ Dockerfile: 'FROM a\n' });
    const file = join(dir, 'Dockerfile');
    const cache = ResultCache.open(path, '1.0.0');
    cache.findings(file, 'FROM a\n', options(), lint);
    cache.save();
    const again = ResultCache.open(path, '1.0.0');
    expect(again.findings(file, 'FROM a\n', options(), lint)).toEqual([finding('package.json missing')]);
    expect(again.hits).toBe(1);
    // a run the cache answered whole leaves the file alone
    utimesSync(path, 1_000_000, 1_000_000);
    again.save();
    expect(statSync(path).mtimeMs).toBe(1_000_000_000);
    const otherVersion = ResultCache.open(path, '1.0.1');
    otherVersion.findings(file, 'FROM a\n', options(), lint);
    expect(otherVersion.hits).toBe(0);
    expect(lint).toHaveBeenCalledTimes(2);
  });

  it('drops the entries of files that are gone on a run over most of them, and keeps them on a run over a few', () => {
    const { dir, path, lint, options } = setUp({ a: 'FROM a\n', b: 'FROM b\n', c: 'FROM c\n' });
    const cache = ResultCache.open(path, '1.0.0');
    for (const name of ['a', 'b', 'c']) cache.findings(join(dir, name), `FROM ${name}\n`, options(), lint);
    cache.save();
    rmSync(join(dir, 'c'));
    // one file of three, changed: c stays (a run over a few files does not look at the others)
    const few = ResultCache.open(path, '1.0.0');
    few.findings(join(dir, 'a'), 'FROM a2\n', options(), lint);
    few.save();
    expect(Object.keys(readCache(path).entries)).toEqual([join(dir, 'a'), join(dir, 'b'), join(dir, 'c')]);
    const most = ResultCache.open(path, '1.0.0');
    most.findings(join(dir, 'a'), 'FROM a2\n', options(), lint);
    most.findings(join(dir, 'b'), 'FROM b\n', options(), lint);
    expect(most.hits).toBe(2);
    most.save();
    expect(Object.keys(readCache(path).entries)).toEqual([join(dir, 'a'), join(dir, 'b')]);
  });

  it('parses only the entries of the files it lints, and writes the others back as they were', () => {
    const { dir, path, lint, options } = setUp({ a: 'FROM a\n' });
    const a = join(dir, 'a');
    const cache = ResultCache.open(path, '1.0.0');
    cache.findings(a, 'FROM a\n', options(), lint);
    cache.save();
    const { header } = readCache(path);
    // an entry no run reads: were it parsed, it would be dropped as damaged
    const other = join(dir, 'z');
    writeFileSync(other, 'FROM z\n');
    writeCache(path, header, { [a]: JSON.stringify(readCache(path).entries[a]), [other]: 'not json, never read' });
    const next = ResultCache.open(path, '1.0.0');
    next.findings(a, 'FROM a changed\n', options(), lint);
    next.save();
    expect(readFileSync(path, 'utf8')).toContain(`${JSON.stringify(other)}\tnot json, never read\n`);
  });

  it('reads a damaged cache as an empty one, and a damaged entry as none', () => {
    const { dir, path, lint, options } = setUp({ a: 'FROM a\n' });
    const a = join(dir, 'a');
    for (const damage of ['', '{', 'null', '[]', '{"layout":2,"tool":"x"}', '\u0000\u00ff', `${JSON.stringify({ layout: 4 })}\n"${a}"\t{`]) {
      writeFileSync(path, damage);
      const fresh = ResultCache.open(path, '1.0.0');
      expect(fresh.findings(a, 'FROM a\n', options(), lint)).toHaveLength(1);
      expect(fresh.hits).toBe(0);
    }
    const good = ResultCache.open(path, '1.0.0');
    good.findings(a, 'FROM a\n', options(), lint);
    good.save();
    const cache = readCache(path);
    for (const damage of ['{', '[1,2]', 'null', JSON.stringify({ ...cache.entries[a], context: { exists: 'nonsense' } })]) {
      writeCache(path, cache.header, { [a]: damage });
      const edited = ResultCache.open(path, '1.0.0');
      expect(edited.findings(a, 'FROM a\n', options(), lint)).toHaveLength(1);
      expect(edited.hits).toBe(0);
    }
    writeCache(path, cache.header, { [a]: JSON.stringify(cache.entries[a]) });
    expect(ResultCache.open(path, '1.0.0').findings(a, 'FROM a\n', options(), lint)).toHaveLength(1);
    // no temporary files left behind
    expect(readdirSync(dir).sort()).toEqual(['a', 'cache']);
  });

  it('--cache-location takes a file or a directory', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    expect(cacheFilePath(dir, undefined)).toBe(join(dir, DEFAULT_CACHE_FILE));
    expect(cacheFilePath(dir, 'sub')).toBe(join(dir, 'sub', DEFAULT_CACHE_FILE));
    expect(cacheFilePath(dir, 'new/')).toBe(join(dir, 'new', DEFAULT_CACHE_FILE));
    expect(cacheFilePath(dir, 'sub/my.cache')).toBe(join(dir, 'sub', 'my.cache'));
  });
});

describe('tslint-docker --cache', () => {
  const NODE_APP = 'FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\n';
  // every rule: missing-dockerignore and cache-busting-copy read the build context
  const ALL = ['--preset', 'all'];

  it('gives the same report from the cache, which it really reads', async () => {
    const dir = tempDir({ Dockerfile: NODE_APP });
    const plain = await runCli([...ALL, 'Dockerfile', '-f', 'json'], dir);
    const first = await runCli([...ALL, '--cache', 'Dockerfile', '-f', 'json'], dir);
    clearContextCache();
    const second = await runCli([...ALL, '--cache', 'Dockerfile', '-f', 'json'], dir);
    expect(first).toEqual(plain);
    expect(second).toEqual(plain);
    // the second run's report comes from the file: an edit to it shows
    const cachePath = join(dir, DEFAULT_CACHE_FILE);
    writeFileSync(cachePath, readFileSync(cachePath, 'utf8').replace('This copies the whole build context', 'FROM THE CACHE'));
    clearContextCache();
    const third = await runCli([...ALL, '--cache', 'Dockerfile', '-f', 'json'], dir);
    expect(third.stdout).toContain('FROM THE CACHE');
  });

  it('follows the build context: a new .dockerignore or manifest changes the findings', async () => {
    const dir = tempDir({ Dockerfile: NODE_APP });
    const ids = async () => {
      clearContextCache();
      const run = await runCli([...ALL, '--cache', 'Dockerfile', '-f', 'json'], dir);
      const [file] = JSON.parse(run.stdout) as { messages: { ruleId: string; message: string }[] }[];
      return file!.messages.map((m) => `${m.ruleId}: ${m.message}`).filter((m) => /dockerignore|cache-busting/.test(m));
    };
    const before = await ids();
    expect(before.some((m) => m.startsWith('missing-dockerignore'))).toBe(true);
    writeFileSync(join(dir, '.dockerignore'), 'node_modules\n');
    const withIgnore = await ids();
    expect(withIgnore.some((m) => m.startsWith('missing-dockerignore'))).toBe(false);
    writeFileSync(join(dir, 'package.json'), '{}');
    const withManifest = await ids();
    expect(withManifest.find((m) => m.startsWith('cache-busting-copy'))).toContain('package.json');
    expect(withManifest).not.toEqual(withIgnore);
  });

  it('follows the likely contexts above the Dockerfile: a .dockerignore at the repository root changes the findings', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, '.git'));
    mkdirSync(join(dir, 'docker'));
    writeFileSync(join(dir, 'docker', 'Dockerfile'), NODE_APP);
    const reported = async () => {
      clearContextCache();
      const run = await runCli([...ALL, '--cache', 'docker/Dockerfile', '-f', 'json'], dir);
      const [file] = JSON.parse(run.stdout) as { messages: { ruleId: string }[] }[];
      return file!.messages.some((m) => m.ruleId === 'missing-dockerignore');
    };
    expect(await reported()).toBe(true);
    writeFileSync(join(dir, '.dockerignore'), 'node_modules\n');
    expect(await reported()).toBe(false);
  });

  it('works with --fix: the fixed text is cached, and a second fix changes nothing', async () => {
    const dir = tempDir({ Dockerfile: 'FROM debian:12\nRUN apt-get install -y curl\n' });
    const fixed = await runCli(['--cache', '--fix', 'Dockerfile', '-f', 'json'], dir);
    const text = readFileSync(join(dir, 'Dockerfile'), 'utf8');
    expect(text).toContain('--no-install-recommends');
    clearContextCache();
    const again = await runCli(['--cache', '--fix', 'Dockerfile', '-f', 'json'], dir);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(text);
    expect(again.stdout).toBe(fixed.stdout);
    clearContextCache();
    const cached = await runCli(['--cache', 'Dockerfile', '-f', 'json'], dir);
    clearContextCache();
    expect(cached.stdout).toBe((await runCli(['Dockerfile', '-f', 'json'], dir)).stdout);
  });

  it('makes the folders of --cache-location', async () => {
    const dir = tempDir({ Dockerfile: 'FROM debian:12\n' });
    const run = await runCli(['--cache', '--cache-location', 'ci/cache/', 'Dockerfile', '-t', 'none'], dir);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(readCache(join(dir, 'ci/cache', DEFAULT_CACHE_FILE)).header).toMatchObject({ layout: 4 });
  });

  it('an unwritable cache costs a warning, not the run', async () => {
    const dir = tempDir({ Dockerfile: 'FROM debian:12\n' });
    // a path under a regular file cannot be written, not even by root
    const run = await runCli(['--cache', '--cache-location', 'Dockerfile/cache', 'Dockerfile', '-t', 'none'], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^tslint-docker: could not write the cache .*Dockerfile\/cache: (a part of the path is not a directory|a file is in the way)\n$/);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe('FROM debian:12\n');
  });
});

describe('--cache over the corpus', () => {
  it('reports exactly what a run without it reports, when filling the cache and when reading it', { timeout: 300_000 }, async () => {
    const corpus = join(SHARED, 'corpus/real');
    const files = readdirSync(corpus).filter((f) => f !== 'README.md').sort();
    const cacheFile = join(tempDir(), 'cache');
    const args = ['--no-config', '-f', 'json', ...files];
    const plain = await runCli(args, corpus);
    const filling = await runCli(['--cache', '--cache-location', cacheFile, ...args], corpus);
    clearContextCache();
    const reading = await runCli(['--cache', '--cache-location', cacheFile, ...args], corpus);
    expect(plain.code).toBe(1);
    expect(filling).toEqual(plain);
    expect(reading).toEqual(plain);
    expect(Object.keys(readCache(cacheFile).entries)).toHaveLength(files.length);
  });
});
