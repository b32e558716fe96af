/**
 * Images through the CLI and the language server, against the real local registry
 * (scripts/start-engine.sh): --resolve-images pins by digest with --fix --unsafe-fixes, the
 * version-tag fixes, --offline from the cache, the config key, --cache, a registry that is down,
 * and the editor reading the cache only. The user's cache and Docker config are never touched:
 * XDG_CACHE_HOME and DOCKER_CONFIG point into a temporary folder. Nothing leaves 127.0.0.1.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LintSession } from '../../src/lsp/session.ts';
import { runCli } from '../cli/run-cli.ts';
import { REGISTRY, registryUnavailable, servedDigest } from '../helpers/registry.ts';

const unavailable = await registryUnavailable('images through the CLI');
const scratch = mkdtempSync(join(tmpdir(), 'tslint-docker-images-cli-'));
const saved = { XDG_CACHE_HOME: process.env.XDG_CACHE_HOME, DOCKER_CONFIG: process.env.DOCKER_CONFIG };
let cacheHome = '';
let projects = 0;

beforeAll(() => {
  process.env.DOCKER_CONFIG = join(scratch, 'docker');
  mkdirSync(process.env.DOCKER_CONFIG);
});
afterAll(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  rmSync(scratch, { recursive: true, force: true });
});

/** a fresh image cache (XDG_CACHE_HOME) for what follows */
function emptyCache(): void {
  cacheHome = join(scratch, `cache-${projects++}`);
  process.env.XDG_CACHE_HOME = cacheHome;
}

function project(dockerfile: string, config?: object): string {
  const dir = join(scratch, `project-${projects++}`);
  mkdirSync(dir);
  writeFileSync(join(dir, 'Dockerfile'), dockerfile);
  writeFileSync(join(dir, '.tslint-dockerrc.json'), JSON.stringify(config ?? {}));
  return dir;
}

const APP = `${REGISTRY}/tslint/app:1`;
const TOOL = `${REGISTRY}/tslint/tool`;
const PINNABLE = `FROM ${APP}\nCOPY --from=${TOOL}:1.35.0 /bin/sh /bin/tool\nRUN --mount=type=bind,from=${TOOL}:1.36,target=/t /t/bin/sh -c true\n`;
const DIGEST_RULE = ['--rule', 'base-image-digest=info', '-f', 'compact'];

describe.skipIf(unavailable !== undefined)('--resolve-images', () => {
  it('pins FROM, COPY --from and RUN --mount=from by digest with --fix --unsafe-fixes, keeping the tags', async () => {
    emptyCache();
    const dir = project(PINNABLE);
    const run = await runCli(['Dockerfile', ...DIGEST_RULE, '--resolve-images', '--fix', '--unsafe-fixes'], dir);
    expect(run.stderr).toBe('Dockerfile: fixed 3 problems (base-image-digest x3)\n');
    const [app, old, tool] = await Promise.all([servedDigest(REGISTRY, 'tslint/app', '1'), servedDigest(REGISTRY, 'tslint/tool', '1.35.0'), servedDigest(REGISTRY, 'tslint/tool', '1.36')]);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(
      `FROM ${APP}@${app}\nCOPY --from=${TOOL}:1.35.0@${old} /bin/sh /bin/tool\nRUN --mount=type=bind,from=${TOOL}:1.36@${tool},target=/t /t/bin/sh -c true\n`,
    );
    expect(run.stdout).not.toContain('base-image-digest');
  });

  it('rules read the resolved images: the platforms (InvalidBaseImagePlatform), the Shell (JSONArgsRecommended), the User (missing-user)', async () => {
    emptyCache();
    // app:1 is a single linux/amd64 image with USER 1000:1000 and SHELL ["/bin/sh", "-ec"]; multi:1 an amd64+arm64 index
    const dir = project(`FROM --platform=linux/arm64 ${APP} AS a\nCMD node s.js\nFROM --platform=linux/s390x ${REGISTRY}/tslint/multi:1\nFROM ${APP}\nCOPY . /app\nEXPOSE 8080\nCMD ["node", "/app/s.js"]\n`);
    const buildkit = (await runCli(['Dockerfile', '--preset', 'buildkit', '-f', 'compact', '--resolve-images'], dir)).stdout;
    expect(buildkit).toContain(`Dockerfile:1:1: warning: Base image ${APP} was pulled with platform "linux/amd64", expected "linux/arm64" for current build`);
    expect(buildkit).toContain(`Dockerfile:3:1: warning: Base image ${REGISTRY}/tslint/multi:1 offers no image for platform "linux/s390x" (only linux/amd64, linux/arm64)`);
    expect(buildkit).not.toContain('Dockerfile:2:');
    const unresolved = (await runCli(['Dockerfile', '--preset', 'buildkit', '-f', 'compact'], dir)).stdout;
    expect(unresolved).not.toContain('Base image');
    expect(unresolved).toContain('Dockerfile:2:');
    const recommended = await runCli(['Dockerfile', '-f', 'compact', '--rule', 'missing-user=warning', '--resolve-images'], dir);
    expect(recommended.stdout).not.toMatch(/never sets USER|Base image/);
    expect((await runCli(['Dockerfile', '-f', 'compact', '--rule', 'missing-user=warning'], dir)).stdout).toContain('Dockerfile:4:1: warning: The final stage never sets USER');
  });

  it('without it: the finding, no fix, and no request', async () => {
    emptyCache();
    const dir = project(PINNABLE);
    const requests = vi.spyOn(globalThis, 'fetch');
    try {
      const run = await runCli(['Dockerfile', ...DIGEST_RULE, '--fix', '--unsafe-fixes'], dir);
      expect(run.stdout.match(/base-image-digest/g)?.length).toBe(3);
      expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(PINNABLE);
      expect(requests).not.toHaveBeenCalled();
    } finally {
      requests.mockRestore();
    }
  });

  it('--offline answers from the cache an earlier run filled, and from nothing else', async () => {
    emptyCache();
    const source = `FROM ${APP}\n`;
    const cold = project(source);
    const offlineCold = await runCli(['Dockerfile', ...DIGEST_RULE, '--offline', '--fix', '--unsafe-fixes'], cold);
    expect(offlineCold.stderr).toBe('');
    expect(offlineCold.stdout).toContain('is not pinned by digest');
    expect(readFileSync(join(cold, 'Dockerfile'), 'utf8')).toBe(source);
    await runCli(['Dockerfile', ...DIGEST_RULE, '--resolve-images'], cold);
    const requests = vi.spyOn(globalThis, 'fetch');
    try {
      // --offline wins over --resolve-images and the config
      const warm = project(source, { images: 'resolve' });
      await runCli(['Dockerfile', ...DIGEST_RULE, '--offline', '--resolve-images', '--fix', '--unsafe-fixes'], warm);
      expect(readFileSync(join(warm, 'Dockerfile'), 'utf8')).toBe(`FROM ${APP}@${await servedDigest(REGISTRY, 'tslint/app', '1')}\n`);
      expect(requests).toHaveBeenCalledTimes(1); // servedDigest's own request above
    } finally {
      requests.mockRestore();
    }
  });

  it('the config key `images: resolve` turns it on', async () => {
    emptyCache();
    const dir = project(`FROM ${TOOL}:latest\n`, { images: 'resolve', rules: { 'base-image-digest': 'off' } });
    const run = await runCli(['Dockerfile', '--fix', '--unsafe-fixes'], dir);
    expect(run.stdout).toContain('fixed 1 problem (base-image-latest)');
    // base-image-latest's fix: latest names the same image as 1.36.1, 1.36 and 1
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(`FROM ${TOOL}:1.36.1\n`);
  });

  it('base-image-digest on latest: the version tag and the digest', async () => {
    emptyCache();
    const dir = project(`FROM ${TOOL}:latest\n`);
    await runCli(['Dockerfile', ...DIGEST_RULE, '--resolve-images', '--fix', '--unsafe-fixes'], dir);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(`FROM ${TOOL}:1.36.1@${await servedDigest(REGISTRY, 'tslint/tool', 'latest')}\n`);
  });

  it('base-image-untagged: no tag becomes the most specific version tag of the same image', async () => {
    emptyCache();
    // base-image-untagged is not in recommended: turned on here
    const dir = project(`FROM ${TOOL} AS tool\n`, { rules: { 'base-image-untagged': 'warning' } });
    await runCli(['Dockerfile', '--resolve-images', '--fix', '--unsafe-fixes'], dir);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(`FROM ${TOOL}:1.36.1 AS tool\n`);
  });

  it('a digest the registry does not serve, and a tag it does not have, are findings', async () => {
    emptyCache();
    const gone = `${REGISTRY}/tslint/app@sha256:${'0'.repeat(64)}`;
    const dir = project(`FROM ${gone} AS a\nFROM ${REGISTRY}/tslint/app:no-such-tag\n`);
    const run = await runCli(['Dockerfile', ...DIGEST_RULE, '--resolve-images'], dir);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(`Dockerfile:1:6: info: The registry no longer serves \`${gone}\` (no such digest): the build fails to pull it [base-image-digest]`);
    expect(run.stdout).toContain(`Dockerfile:2:6: info: \`${REGISTRY}/tslint/app:no-such-tag\` is not pinned by digest, and its registry has no such tag [base-image-digest]`);
  });

  it('--cache: a file is linted again when an image answer changed', async () => {
    emptyCache();
    const dir = project(`FROM ${APP}\n`);
    const args = ['Dockerfile', ...DIGEST_RULE, '--cache', '--cache-location', join(dir, 'lint-cache')];
    // cached while the image was unknown (offline, nothing cached yet)
    await runCli([...args, '--offline'], dir);
    const fixed = await runCli([...args, '--resolve-images', '--fix', '--unsafe-fixes'], dir);
    expect(fixed.stderr).toBe('Dockerfile: fixed 1 problem (base-image-digest)\n');
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(`FROM ${APP}@${await servedDigest(REGISTRY, 'tslint/app', '1')}\n`);
  });
});

describe('a registry that is down', () => {
  let down = '';
  beforeAll(async () => {
    const probe = createServer();
    await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
    down = `127.0.0.1:${(probe.address() as { port: number }).port}`;
    await new Promise<void>((done) => probe.close(() => done()));
  });

  it('one warning line; the lint goes on and the exit code is the same', async () => {
    emptyCache();
    const dir = project(`FROM ${down}/a:1\nCOPY --from=${down}/b:1 / /\nFROM ${down}/c:latest\n`);
    const off = await runCli(['Dockerfile', '-f', 'compact'], dir);
    const on = await runCli(['Dockerfile', '-f', 'compact', '--resolve-images'], dir);
    expect(on.stderr).toBe(`tslint-docker: images: the registry ${down} is not reachable (connection refused): its images stay unknown\n`);
    expect(on.stdout).toBe(off.stdout);
    expect(on.code).toBe(off.code);
  });
});

describe.skipIf(unavailable !== undefined)('the language server', () => {
  it('reads the cache a CLI run filled, and never the network', async () => {
    emptyCache();
    const dir = project(`FROM ${APP}\n`, { images: 'resolve', rules: { 'base-image-digest': 'info' } });
    await runCli(['Dockerfile', '--resolve-images'], dir);
    const requests = vi.spyOn(globalThis, 'fetch');
    try {
      const session = new LintSession(dir);
      const pinned = TextDocument.create(`file://${join(dir, 'Dockerfile')}`, 'dockerfile', 1, `FROM ${APP}\n`);
      const finding = (await session.lint(pinned)).result.findings.find((f) => f.ruleId === 'base-image-digest');
      expect(finding?.fix?.edits[0]?.text).toBe(`@${await servedDigest(REGISTRY, 'tslint/app', '1')}`);
      // an image the cache does not know: the finding without a fix, and no request for it
      const other = TextDocument.create(`file://${join(dir, 'Dockerfile')}`, 'dockerfile', 2, `FROM ${REGISTRY}/tslint/root:1\n`);
      const unknown = (await session.lint(other)).result.findings.find((f) => f.ruleId === 'base-image-digest');
      expect(unknown).toBeDefined();
      expect(unknown?.fix).toBeUndefined();
      expect(requests).toHaveBeenCalledTimes(1); // servedDigest's
    } finally {
      requests.mockRestore();
    }
  });
});
