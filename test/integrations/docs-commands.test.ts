/**
 * The commands docs/ci.md, docs/editors.md and action.yml show are real: each is parsed out
 * of the text and run against the built CLI (bin/tslint-docker.js -> dist/, from `npm run
 * build`), in a folder with Dockerfiles that have findings.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startClient } from '../lsp/client.ts';

const REPO = resolve(import.meta.dirname, '../..');
const BIN = join(REPO, 'bin/tslint-docker.js');
// js-yaml comes with cosmiconfig; it reads action.yml and the YAML examples
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

interface Block {
  lang: string;
  code: string;
  /** the nearest heading above the block */
  section: string;
}

function fencedBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  let section = '';
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heading = /^#+\s+(.*)$/.exec(lines[i]!);
    if (heading) section = heading[1]!;
    const open = /^```(\w*)/.exec(lines[i]!);
    if (!open) continue;
    const body: string[] = [];
    for (i++; i < lines.length && !lines[i]!.startsWith('```'); i++) body.push(lines[i]!);
    blocks.push({ lang: open[1]!, code: body.join('\n'), section });
  }
  return blocks;
}

/** every string a YAML document holds under `run` or `script` keys (GitHub steps, GitLab jobs) */
function yamlScripts(node: unknown, into: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) yamlScripts(item, into);
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'run' || key === 'script') && typeof value === 'string') into.push(value);
      else if (key === 'script' && Array.isArray(value)) into.push(...value.filter((v): v is string => typeof v === 'string'));
      else yamlScripts(value, into);
    }
  }
  return into;
}

/** the documented command lines that run the CLI */
function ciCommands(markdown: string): string[] {
  const scripts: string[] = [];
  for (const block of fencedBlocks(markdown)) {
    if (block.lang === 'sh') scripts.push(block.code);
    // a fragment starting with `steps:` is indented under a job: parse it as it stands
    if (block.lang === 'yaml') scripts.push(...yamlScripts(yaml.load(block.code)));
  }
  return scripts
    .flatMap((s) => s.split('\n'))
    .map((line) => line.trim())
    .filter((line) => /^tslint-docker(\s|$)/.test(line));
}

let work: string;
let shims: string;

function runShell(command: string, env: NodeJS.ProcessEnv = {}) {
  return spawnSync('sh', ['-c', command], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, ...env, PATH: `${shims}${delimiter}${process.env.PATH}`, NO_COLOR: '1' },
  });
}

beforeAll(() => {
  if (!existsSync(join(REPO, 'dist/src/cli/main.js'))) throw new Error('the CLI is not built: run `npm run build` (npm install does it)');
  work = mkdtempSync(join(tmpdir(), 'tslint-docker-docs-'));
  shims = join(work, '.bin');
  mkdirSync(shims);
  // `tslint-docker` on PATH is the built CLI, as after `npm install --global`
  writeFileSync(join(shims, 'tslint-docker'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(shims, 'tslint-docker'), 0o755);
  execFileSync('git', ['init', '-q'], { cwd: work });
  writeFileSync(join(work, '.gitignore'), '.bin/\n');
  writeFileSync(join(work, 'Dockerfile'), 'FROM debian:latest\nRUN apt-get update && apt-get install -y curl\n');
  mkdirSync(join(work, 'web'));
  writeFileSync(join(work, 'web', 'app.dockerfile'), 'FROM node:22\nRUN npm install -g serve\nCMD serve -s build\n');
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('docs/ci.md', () => {
  const commands = ciCommands(readFileSync(join(REPO, 'docs/ci.md'), 'utf8'));

  it('documents commands for every recipe', () => {
    expect(commands.length).toBeGreaterThanOrEqual(8);
    for (const format of ['sarif', 'github', 'gitlab', 'json', 'checkstyle', 'junit']) {
      expect(commands.some((c) => c.includes(`--format ${format}`)), format).toBe(true);
    }
    for (const flag of ['--failure-threshold', '--max-warnings', '--output-file']) expect(commands.some((c) => c.includes(flag)), flag).toBe(true);
  });

  it.each(commands.map((c) => [c]))('%s', (command) => {
    const result = runShell(command);
    // 0 or 1: linted (clean or with findings); 2 would be a flag or config the CLI rejects
    expect([0, 1], `${command}\n${result.stderr}`).toContain(result.status);
    expect(result.stdout + result.stderr).not.toMatch(/Unknown argument|Not enough arguments|Invalid values/);
    const threshold = /--failure-threshold (\w+)/.exec(command)?.[1];
    if (threshold === 'none') expect(result.status).toBe(0);
    if (threshold === undefined && !command.includes('--max-warnings')) expect(result.status).toBe(1);
    for (const [, format, file] of command.matchAll(/--format (\w+) --output-file (\S+)/g)) {
      const report = readFileSync(join(work, file!), 'utf8');
      if (format === 'sarif') expect(JSON.parse(report)).toMatchObject({ version: '2.1.0' });
      if (format === 'gitlab') expect(JSON.parse(report)[0]).toHaveProperty('fingerprint');
      if (format === 'json') expect(JSON.parse(report).map((r: { filePath: string }) => r.filePath).sort()).toEqual(['Dockerfile', join('web', 'app.dockerfile')]);
      if (format === 'checkstyle' || format === 'junit') expect(report).toMatch(/^<\?xml/);
    }
    if (/--format github(\s|$)/.test(command)) expect(result.stdout).toMatch(/^::(error|warning|notice) file=/m);
  });
});

describe('docs/hadolint-migration.md', () => {
  const commands = ciCommands(readFileSync(join(REPO, 'docs/hadolint-migration.md'), 'utf8'));
  it('documents the swap for a CI job, stdin and reports', () => {
    expect(commands.length).toBeGreaterThanOrEqual(4);
    expect(commands.every((c) => c.startsWith('tslint-docker --preset hadolint '))).toBe(true);
    expect(commands.some((c) => c.endsWith(' - < Dockerfile'))).toBe(true);
  });

  it.each(commands.map((c) => [c]))('%s', (command) => {
    const result = runShell(command);
    expect([0, 1], `${command}\n${result.stderr}`).toContain(result.status);
    expect(result.stdout).not.toMatch(/✖/);
    for (const [, format, file] of command.matchAll(/-f (\w+) -o (\S+)/g)) {
      const report = JSON.parse(readFileSync(join(work, file!), 'utf8'));
      if (format === 'sarif') expect(report.runs[0].results[0].ruleId).toMatch(/^DL\d{4}$/);
      if (format === 'gitlab_codeclimate') expect(report[0].fingerprint).toMatch(/^[0-9a-f]{40}$/);
    }
  });
});

describe('action.yml', () => {
  const action = yaml.load(readFileSync(join(REPO, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default: string }>;
    runs: { using: string; steps: { name?: string; run?: string; env?: Record<string, string> }[] };
  };
  const lint = action.runs.steps.find((s) => s.name === 'Lint Dockerfiles')!;

  it('is a composite action whose lint step runs the CLI', () => {
    expect(action.runs.using).toBe('composite');
    expect(lint.run).toContain('bin/tslint-docker.js');
  });

  /** the step's environment with `${{ inputs.x }}` replaced by the given inputs or their defaults */
  function stepEnv(inputs: Record<string, string>): Record<string, string> {
    const env: Record<string, string> = { GITHUB_ACTION_PATH: REPO };
    for (const [name, value] of Object.entries(lint.env ?? {})) {
      env[name] = value.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, input: string) => inputs[input] ?? action.inputs[input]!.default);
    }
    return env;
  }

  it('with its defaults: annotations on stdout, SARIF written, fails on findings', () => {
    const result = runShell(lint.run!, stepEnv({}));
    expect(result.status, result.stderr).toBe(1);
    expect(result.stdout).toMatch(/^::warning file=Dockerfile,line=1,/m);
    const sarif = JSON.parse(readFileSync(join(work, action.inputs['sarif-file']!.default), 'utf8'));
    expect(sarif.runs[0].results.length).toBeGreaterThan(0);
  });

  it('passes files (globs unexpanded), threshold and extra args through', () => {
    const result = runShell(lint.run!, stepEnv({ files: 'web/*.dockerfile', 'failure-threshold': 'none', args: '--ignore DL3016', 'sarif-file': 'web.sarif' }));
    expect(result.status, result.stderr).toBe(0);
    const sarif = JSON.parse(readFileSync(join(work, 'web.sarif'), 'utf8'));
    const uris = new Set(sarif.runs[0].results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0]!.physicalLocation.artifactLocation.uri));
    expect([...uris]).toEqual(['web/app.dockerfile']);
  });
});

describe('docs/editors.md', () => {
  const blocks = fencedBlocks(readFileSync(join(REPO, 'docs/editors.md'), 'utf8'));

  /** the server command in a snippet: the `tslint-docker` string and the flag-like strings after it */
  function serverCommand(code: string): string[] | undefined {
    const strings = [...code.matchAll(/["']([^"'\n]*)["']/g)].map((m) => m[1]!);
    const start = strings.findIndex((s, i) => s === 'tslint-docker' && strings[i + 1] === 'lsp');
    if (start === -1) return undefined;
    const args: string[] = [];
    for (const s of strings.slice(start + 1)) {
      if (!/^(lsp|--[a-z-]+)$/.test(s)) break;
      args.push(s);
    }
    return args;
  }

  const commands = blocks.flatMap((b) => {
    const args = serverCommand(b.code);
    return args ? [{ section: b.section, args }] : [];
  });

  it('shows the server command for Neovim, Helix, Zed and VS Code', () => {
    const sections = commands.map((c) => c.section.split(' ')[0]);
    expect(sections).toEqual(expect.arrayContaining(['Neovim', 'Helix', 'Zed', 'VS']));
  });

  it.each(commands.map((c) => [c.section, c.args]))('%s: tslint-docker %j answers initialize', async (_section, args) => {
    const client = await startClient(process.execPath, [BIN, ...args], { cwd: work });
    try {
      expect(client.initialize.serverInfo?.name).toBe('tslint-docker');
      expect(client.initialize.capabilities.codeActionProvider).toMatchObject({ codeActionKinds: expect.arrayContaining(['source.fixAll.tslint-docker']) });
    } finally {
      await client.close();
    }
  }, 60_000);
});
