/**
 * The resolver against the real local registries (scripts/start-engine.sh): configs, digests,
 * manifest lists and OCI indexes, missing tags and digests, basic auth from a Docker config
 * file and from a credential helper, a registry that is down or too slow, and the disk cache.
 * Nothing here leaves 127.0.0.1.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ImageResolver, type ResolverOptions } from '../../src/images/index.ts';
import type { ImageAnswer, ImageLookup } from '../../src/model/index.ts';
import { AUTH_PASSWORD, AUTH_REGISTRY, AUTH_USER, REGISTRY, registryUnavailable, servedDigest } from '../helpers/registry.ts';

const unavailable = await registryUnavailable('image resolver');
const scratch = mkdtempSync(join(tmpdir(), 'tslint-docker-images-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let dirs = 0;
const freshDir = (name: string) => {
  const dir = join(scratch, `${name}-${dirs++}`);
  mkdirSync(dir, { recursive: true });
  return dir;
};

/** a resolver with its own cache folder and no engine (the registry answers), and no Docker config of the user's */
function resolver(options: Partial<ResolverOptions> & { env?: NodeJS.ProcessEnv } = {}): ImageResolver {
  return new ImageResolver({ mode: 'resolve', cacheDir: freshDir('cache'), engine: null, timeoutMs: 5_000, ...options, env: { DOCKER_CONFIG: freshDir('docker'), ...options.env } });
}

/** asks, resolves what was missed, asks again: what a lint sees on its second pass */
async function resolved<T>(r: ImageResolver, ask: (lookup: ImageLookup) => T): Promise<T> {
  ask(r.lookup);
  await r.resolveMisses();
  return ask(r.lookup);
}

const found = (answer: ImageAnswer | undefined) => {
  if (!answer?.found) throw new Error(`not found: ${JSON.stringify(answer)}`);
  return answer.image;
};

describe.skipIf(unavailable !== undefined)('resolving from the local registry', () => {
  it('reads the image config a Dockerfile set, and the digest the registry serves', async () => {
    const image = found(await resolved(resolver(), (l) => l.image(`${REGISTRY}/tslint/app:1`)));
    expect(image.source).toBe('registry');
    expect(image.digest).toBe(await servedDigest(REGISTRY, 'tslint/app', '1'));
    expect(image.config).toEqual({
      user: '1000:1000',
      env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', APP_HOME: '/srv/app', GREETING: 'hello' },
      workingDir: '/srv/app',
      shell: ['/bin/sh', '-ec'],
      entrypoint: ['/bin/sh'],
      cmd: ['-c', 'echo hi'],
      exposedPorts: ['53/udp', '8080/tcp'],
      labels: { 'org.opencontainers.image.title': 'app' },
    });
    expect(image.platforms).toEqual([{ os: 'linux', architecture: 'amd64', variant: '' }]);
    expect(image.offersPlatform).toBe(true);
  });

  it('a single-platform image asked for another platform: its config, and that it does not offer the platform', async () => {
    const image = found(await resolved(resolver(), (l) => l.image(`${REGISTRY}/tslint/app:1`, 'linux/arm64')));
    expect(image.platform).toEqual({ os: 'linux', architecture: 'amd64', variant: '' });
    expect(image.offersPlatform).toBe(false);
  });

  it('an image without USER has an empty user (root)', async () => {
    const image = found(await resolved(resolver(), (l) => l.image(`${REGISTRY}/tslint/root:1`)));
    expect(image.config?.user).toBe('');
    expect(image.config?.env?.ROOT_IMAGE).toBe('1');
  });

  it.each(['multi', 'multi-oci'])('a multi-platform index (%s): its platforms, and the config of the platform asked', async (repository) => {
    const r = resolver();
    const [amd64, arm64] = await resolved(r, (l) => [l.image(`${REGISTRY}/tslint/${repository}:1`, 'linux/amd64'), l.image(`${REGISTRY}/tslint/${repository}:1`, 'linux/arm64')]);
    const digest = await servedDigest(REGISTRY, `tslint/${repository}`, '1');
    for (const image of [found(amd64), found(arm64)]) {
      expect(image.digest).toBe(digest);
      expect(image.platforms).toEqual([{ os: 'linux', architecture: 'amd64', variant: '' }, { os: 'linux', architecture: 'arm64', variant: '' }]);
      expect(image.config?.user).toBe('65532');
    }
    expect(found(arm64).platform).toEqual({ os: 'linux', architecture: 'arm64', variant: '' });
    expect(found(arm64).offersPlatform).toBe(true);
    expect(found(amd64).platform?.architecture).toBe('amd64');
    // a platform the index does not offer: its platforms, no config
    const s390x = found(await resolved(r, (l) => l.image(`${REGISTRY}/tslint/${repository}:1`, 'linux/s390x')));
    expect(s390x.platforms?.length).toBe(2);
    expect(s390x.config).toBeUndefined();
    expect(s390x.offersPlatform).toBe(false);
  });

  it('a pinned reference reads the content at its digest', async () => {
    const digest = await servedDigest(REGISTRY, 'tslint/app', '1');
    const image = found(await resolved(resolver(), (l) => l.image(`${REGISTRY}/tslint/app@${digest}`)));
    expect(image.digest).toBe(digest);
    expect(image.config?.user).toBe('1000:1000');
  });

  it('a tag that does not exist, and a digest the registry does not serve, are answers, not failures', async () => {
    const r = resolver();
    const gone = `${REGISTRY}/tslint/app@sha256:${'0'.repeat(64)}`;
    const answers = await resolved(r, (l) => [l.image(`${REGISTRY}/tslint/app:no-such-tag`), l.image(gone)]);
    expect(answers).toEqual([{ found: false, missing: 'tag' }, { found: false, missing: 'digest' }]);
    expect(r.takeWarnings()).toEqual([]);
  });

  it('lists the version tags that point at the same image as latest, most specific first', async () => {
    const r = resolver();
    expect(await resolved(r, (l) => l.versionTags(`${REGISTRY}/tslint/tool:latest`))).toEqual(['1.36.1', '1.36', '1']);
    // the older version shares no digest with another version tag; `edge` is no version
    expect(await resolved(r, (l) => l.versionTags(`${REGISTRY}/tslint/tool:1.35.0`))).toEqual([]);
    expect(await resolved(r, (l) => l.versionTags(`${REGISTRY}/tslint/tool:1`))).toEqual(['1.36.1', '1.36']);
  });

  it('the disk cache answers a later run without the network, and offline', async () => {
    const cacheDir = freshDir('cache');
    const first = found(await resolved(resolver({ cacheDir }), (l) => l.image(`${REGISTRY}/tslint/app:1`)));
    await resolved(resolver({ cacheDir }), (l) => l.versionTags(`${REGISTRY}/tslint/tool:latest`));
    const requests = vi.spyOn(globalThis, 'fetch');
    try {
      const again = resolver({ cacheDir });
      expect(again.lookup.image(`${REGISTRY}/tslint/app:1`)).toEqual({ found: true, image: first });
      expect(again.hasMisses()).toBe(false);
      const offline = resolver({ cacheDir, mode: 'cache' });
      expect(offline.lookup.image(`${REGISTRY}/tslint/app:1`)).toEqual({ found: true, image: first });
      expect(offline.lookup.versionTags(`${REGISTRY}/tslint/tool:latest`)).toEqual(['1.36.1', '1.36', '1']);
      // what the cache does not hold is unknown offline, and nothing is asked
      expect(offline.lookup.image(`${REGISTRY}/tslint/root:1`)).toBeUndefined();
      expect(offline.hasMisses()).toBe(false);
      await offline.resolveMisses();
      expect(requests).not.toHaveBeenCalled();
    } finally {
      requests.mockRestore();
    }
  });

  it('past its time-to-live a tag is asked again; content by digest is not fetched again', async () => {
    const cacheDir = freshDir('cache');
    await resolved(resolver({ cacheDir }), (l) => l.image(`${REGISTRY}/tslint/app:1`));
    const requests = vi.spyOn(globalThis, 'fetch');
    try {
      const stale = resolver({ cacheDir, ttlMs: 0 });
      const image = found(await resolved(stale, (l) => l.image(`${REGISTRY}/tslint/app:1`)));
      expect(image.config?.user).toBe('1000:1000');
      // the tag's digest (HEAD), nothing else
      expect(requests.mock.calls.map(([, init]) => (init as RequestInit).method)).toEqual(['HEAD']);
    } finally {
      requests.mockRestore();
    }
  });

  it('a cache that cannot be written: the run keeps its answers, with one warning', async () => {
    const file = join(freshDir('blocked'), 'not-a-folder');
    writeFileSync(file, '');
    const r = resolver({ cacheDir: join(file, 'cache') });
    expect(found(await resolved(r, (l) => l.image(`${REGISTRY}/tslint/app:1`))).config?.user).toBe('1000:1000');
    expect(r.takeWarnings()).toEqual([expect.stringMatching(/^tslint-docker: images: could not write the image cache \(.*ENOTDIR.*\): later runs ask again$/)]);
    expect(r.takeWarnings()).toEqual([]);
  });

  describe('basic auth (htpasswd)', () => {
    const reference = `${AUTH_REGISTRY}/tslint/app:1`;

    it('without credentials: unknown, with one warning', async () => {
      const r = resolver();
      expect(await resolved(r, (l) => l.image(reference))).toBeUndefined();
      expect(r.takeWarnings()).toEqual([expect.stringMatching(new RegExp(`${AUTH_REGISTRY} refused access to tslint/app \\(HTTP 401`))]);
    });

    it('with the auth of ~/.docker/config.json', async () => {
      const docker = freshDir('docker');
      const auth = Buffer.from(`${AUTH_USER}:${AUTH_PASSWORD}`).toString('base64');
      writeFileSync(join(docker, 'config.json'), JSON.stringify({ auths: { [`http://${AUTH_REGISTRY}`]: { auth } } }));
      const image = found(await resolved(resolver({ env: { DOCKER_CONFIG: docker } }), (l) => l.image(reference)));
      expect(image.config?.user).toBe('1000:1000');
    });

    it('with a credential helper (credHelpers), asked with the registry on stdin', async () => {
      const docker = freshDir('docker');
      const bin = freshDir('bin');
      const helper = join(bin, 'docker-credential-tslinttest');
      // answers only for the registry it is asked about, as real helpers do
      writeFileSync(helper, `#!/bin/sh\n[ "$1" = get ] || exit 1\nread server\n[ "$server" = "${AUTH_REGISTRY}" ] || { echo "credentials not found in native keychain"; exit 1; }\nprintf '{"ServerURL":"%s","Username":"${AUTH_USER}","Secret":"${AUTH_PASSWORD}"}' "$server"\n`);
      chmodSync(helper, 0o755);
      writeFileSync(join(docker, 'config.json'), JSON.stringify({ credHelpers: { [AUTH_REGISTRY]: 'tslinttest' } }));
      const env = { DOCKER_CONFIG: docker, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` };
      const image = found(await resolved(resolver({ env }), (l) => l.image(reference)));
      expect(image.digest).toBe(await servedDigest(REGISTRY, 'tslint/app', '1'));
    });
  });
});

describe('a registry that is down or too slow', () => {
  let down: string;
  let slow: Server;
  let slowAddress: string;
  const held: Socket[] = [];

  beforeAll(async () => {
    // a port nothing listens on: bound, then closed
    const probe = createServer();
    await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
    down = `127.0.0.1:${(probe.address() as { port: number }).port}`;
    await new Promise<void>((done) => probe.close(() => done()));
    // accepts connections and never answers
    slow = createServer((socket) => held.push(socket));
    await new Promise<void>((done) => slow.listen(0, '127.0.0.1', done));
    slowAddress = `127.0.0.1:${(slow.address() as { port: number }).port}`;
  });
  afterAll(() => {
    for (const socket of held) socket.destroy();
    slow.close();
  });

  it('down: every image of it unknown, one warning line, no second attempt', async () => {
    const r = resolver();
    const answers = await resolved(r, (l) => [l.image(`${down}/a:1`), l.image(`${down}/b:1`), l.versionTags(`${down}/a:latest`)]);
    expect(answers).toEqual([undefined, undefined, undefined]);
    expect(r.takeWarnings()).toEqual([`tslint-docker: images: the registry ${down} is not reachable (connection refused): its images stay unknown`]);
    // asked again in the same run: still unknown, not a miss, no new warning
    expect(r.lookup.image(`${down}/a:1`)).toBeUndefined();
    expect(r.hasMisses()).toBe(false);
    const requests = vi.spyOn(globalThis, 'fetch');
    try {
      r.lookup.image(`${down}/c:1`);
      await r.resolveMisses();
      expect(requests).not.toHaveBeenCalled();
    } finally {
      requests.mockRestore();
    }
    expect(r.takeWarnings()).toEqual([]);
  });

  it('slow: each request has a time limit; the registry is then given up', async () => {
    const r = resolver({ timeoutMs: 300 });
    expect(await resolved(r, (l) => [l.image(`${slowAddress}/a:1`), l.image(`${slowAddress}/b:1`)])).toEqual([undefined, undefined]);
    expect(r.takeWarnings()).toEqual([`tslint-docker: images: the registry ${slowAddress} is not reachable (no answer within 0.3 s): its images stay unknown`]);
  });
});
