/**
 * Docker Hub's token flow against a real registry: Debian's docker-registry, started here on
 * 127.0.0.1 with `auth: token`, trusts a token service this test runs (RS256 JWTs under a
 * self-signed certificate made with openssl). The registry answers 401 with
 * `WWW-Authenticate: Bearer realm=...,service=...,scope=...`; the resolver must fetch a token
 * there (anonymously for a public repository, with the stored credential for a private one)
 * and retry with it. Skipped, with the reason, without docker-registry or openssl.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, createSign, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImageResolver } from '../../src/images/index.ts';

const SERVICE = 'tslint-test-registry';
const ISSUER = 'tslint-test-issuer';
const USER = 'alice';
const PASSWORD = 'wonderland';

const missing = ['docker-registry', 'openssl'].filter((program) => spawnSync(program, ['--version'], { stdio: 'ignore' }).error !== undefined);
if (missing.length > 0) console.warn(`[token auth] skipping: ${missing.join(' and ')} not installed (scripts/start-engine.sh installs docker-registry)`);

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');
const sha256 = (data: Buffer | string) => `sha256:${createHash('sha256').update(data).digest('hex')}`;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((done) => probe.close(() => done()));
  return port;
}

describe.skipIf(missing.length > 0)('the Bearer token flow', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tslint-docker-token-'));
  let registry: ChildProcess | undefined;
  let tokens: Server;
  let address = '';
  let key = '';
  let certificate = '';
  /** the scopes the token service was asked for, and whether with a credential */
  const asked: { scope: string; user?: string }[] = [];

  /** a JWT the registry accepts: RS256 under the certificate in its rootcertbundle, carried in x5c */
  function token(access: { type: string; name: string; actions: string[] }[]): string {
    const now = Math.floor(Date.now() / 1000);
    const header = { typ: 'JWT', alg: 'RS256', x5c: [certificate] };
    const claims = { iss: ISSUER, sub: 'test', aud: SERVICE, exp: now + 300, nbf: now - 10, iat: now, jti: randomUUID(), access };
    const signed = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
    return `${signed}.${createSign('RSA-SHA256').update(signed).sign(key).toString('base64url')}`;
  }

  /** `public/*` for anyone, `private/*` for alice only: what a token may do */
  function grant(scope: string, user: string | undefined) {
    const [type, name, actions] = scope.split(':');
    if (type !== 'repository' || name === undefined || actions === undefined) return [];
    return name.startsWith('public/') || user === USER ? [{ type, name, actions: actions.split(',') }] : [];
  }

  async function push(repository: string, tag: string, config: object): Promise<string> {
    const base = `http://${address}/v2/${repository}`;
    const authorization = `Bearer ${token([{ type: 'repository', name: repository, actions: ['pull', 'push'] }])}`;
    const upload = async (bytes: Buffer) => {
      const started = await fetch(`${base}/blobs/uploads/`, { method: 'POST', headers: { authorization } });
      expect(started.status).toBe(202);
      const location = new URL(started.headers.get('location')!, base);
      location.searchParams.set('digest', sha256(bytes));
      const put = await fetch(location, { method: 'PUT', headers: { authorization, 'content-type': 'application/octet-stream' }, body: bytes });
      expect(put.status).toBe(201);
      return { digest: sha256(bytes), size: bytes.length };
    };
    const configBlob = await upload(Buffer.from(JSON.stringify(config)));
    const layer = await upload(Buffer.from('not a real layer: the registry stores bytes by digest'));
    const manifest = Buffer.from(JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...configBlob },
      layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', ...layer }],
    }));
    const put = await fetch(`${base}/manifests/${tag}`, { method: 'PUT', headers: { authorization, 'content-type': 'application/vnd.oci.image.manifest.v1+json' }, body: manifest });
    expect(put.status).toBe(201);
    return sha256(manifest);
  }

  beforeAll(async () => {
    const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=tslint-test-token',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    expect(made.status).toBe(0);
    key = readFileSync(join(dir, 'key.pem'), 'utf8');
    certificate = readFileSync(join(dir, 'cert.pem'), 'utf8').replace(/-----[^-]+-----|\s/g, '');

    tokens = createHttpServer((request, response) => {
      const url = new URL(request.url!, 'http://token');
      const basic = /^Basic (.+)$/.exec(request.headers.authorization ?? '')?.[1];
      const [user, password] = basic ? Buffer.from(basic, 'base64').toString().split(':') : [];
      if (basic !== undefined && !(user === USER && password === PASSWORD)) {
        response.writeHead(401).end();
        return;
      }
      const scope = url.searchParams.get('scope') ?? '';
      asked.push(user === undefined ? { scope } : { scope, user });
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token: token(grant(scope, user)), expires_in: 300 }));
    });
    await new Promise<void>((done) => tokens.listen(0, '127.0.0.1', done));
    const tokenPort = (tokens.address() as { port: number }).port;

    address = `127.0.0.1:${await freePort()}`;
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'config.yml'), [
      'version: 0.1', 'log:', '  level: error', '  accesslog:', '    disabled: true', 'storage:', '  filesystem:', `    rootdirectory: ${join(dir, 'data')}`,
      'http:', `  addr: ${address}`, 'auth:', '  token:', `    realm: http://127.0.0.1:${tokenPort}/token`, `    service: ${SERVICE}`,
      `    issuer: ${ISSUER}`, `    rootcertbundle: ${join(dir, 'cert.pem')}`, '',
    ].join('\n'));
    registry = spawn('docker-registry', ['serve', join(dir, 'config.yml')], { stdio: 'ignore' });
    for (let i = 0; i < 100; i++) {
      const up = await fetch(`http://${address}/v2/`).then((r) => r.status, () => 0);
      if (up === 401) break;
      await new Promise((wait) => setTimeout(wait, 100));
    }
  });

  afterAll(() => {
    registry?.kill();
    tokens?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const resolver = (dockerConfig: object) => {
    const docker = mkdtempSync(join(dir, 'docker-'));
    writeFileSync(join(docker, 'config.json'), JSON.stringify(dockerConfig));
    return new ImageResolver({ mode: 'resolve', engine: null, cacheDir: join(docker, 'cache'), env: { DOCKER_CONFIG: docker } });
  };

  it('a public repository: an anonymous token for its pull scope', async () => {
    const digest = await push('public/app', '1', { os: 'linux', architecture: 'amd64', config: { User: 'app', Env: ['TOKEN_FLOW=1'] } });
    asked.length = 0;
    const r = resolver({});
    r.lookup.image(`${address}/public/app:1`);
    await r.resolveMisses();
    expect(r.lookup.image(`${address}/public/app:1`)).toMatchObject({ found: true, image: { source: 'registry', digest, config: { user: 'app', env: { TOKEN_FLOW: '1' } } } });
    expect(asked).toEqual([{ scope: 'repository:public/app:pull' }]);
    expect(r.takeWarnings()).toEqual([]);
  });

  it('a private repository: the token is asked with the stored credential', async () => {
    const digest = await push('private/app', '1', { os: 'linux', architecture: 'arm64', config: { User: '0' } });
    asked.length = 0;
    const auth = Buffer.from(`${USER}:${PASSWORD}`).toString('base64');
    const r = resolver({ auths: { [address]: { auth } } });
    r.lookup.image(`${address}/private/app:1`, 'linux/arm64');
    await r.resolveMisses();
    expect(r.lookup.image(`${address}/private/app:1`, 'linux/arm64')).toMatchObject({ found: true, image: { digest, config: { user: '0' } } });
    expect(asked).toEqual([{ scope: 'repository:private/app:pull', user: USER }]);
    // anonymous: the registry refuses the token's empty access; unknown, one warning
    const anonymous = resolver({});
    anonymous.lookup.image(`${address}/private/app:1`);
    await anonymous.resolveMisses();
    expect(anonymous.lookup.image(`${address}/private/app:1`)).toBeUndefined();
    expect(anonymous.takeWarnings()).toEqual([expect.stringContaining(`${address} refused access to private/app (HTTP 401`)]);
  });
});
