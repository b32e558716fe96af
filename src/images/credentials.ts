/**
 * Registry credentials as Docker keeps them, read-only: `config.json` in DOCKER_CONFIG (default
 * ~/.docker): `credHelpers` per registry, else `credsStore`, else the base64 `auth` of `auths`.
 * A helper is `docker-credential-<name> get` with the server on stdin; we never call `store`
 * or `erase`. Identity tokens (`identitytoken`, a helper's `<token>` user) are not used: such a
 * registry is read anonymously.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface Credential {
  username: string;
  password: string;
}

interface DockerConfig {
  auths?: Record<string, { auth?: string; username?: string; password?: string }>;
  credsStore?: string;
  credHelpers?: Record<string, string>;
}

const HELPER_TIMEOUT_MS = 10_000;
const DOCKER_HUB_SERVER = 'https://index.docker.io/v1/';

export function dockerConfigPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.DOCKER_CONFIG ?? join(homedir(), '.docker'), 'config.json');
}

/** `https://index.docker.io/v1/` -> docker.io, `https://ghcr.io` -> ghcr.io: how Docker matches config keys to a registry */
function registryOfKey(key: string): string {
  const host = key.replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '').toLowerCase();
  return host === 'index.docker.io' || host === 'registry-1.docker.io' ? 'docker.io' : host;
}

export class CredentialStore {
  private config: DockerConfig | undefined;
  private readonly known = new Map<string, Promise<Credential | undefined>>();

  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {}

  /** the credential for a registry (`docker.io`, `127.0.0.1:5000`), asked once per process; undefined: anonymous */
  get(registry: string): Promise<Credential | undefined> {
    let pending = this.known.get(registry);
    if (pending === undefined) {
      pending = this.lookUp(registry);
      this.known.set(registry, pending);
    }
    return pending;
  }

  private readConfig(): DockerConfig {
    if (this.config === undefined) {
      try {
        const parsed: unknown = JSON.parse(readFileSync(dockerConfigPath(this.env), 'utf8'));
        this.config = parsed !== null && typeof parsed === 'object' ? (parsed as DockerConfig) : {};
      } catch {
        this.config = {};
      }
    }
    return this.config;
  }

  private async lookUp(registry: string): Promise<Credential | undefined> {
    const config = this.readConfig();
    const server = registry === 'docker.io' ? DOCKER_HUB_SERVER : registry;
    const helperKey = Object.keys(config.credHelpers ?? {}).find((key) => registryOfKey(key) === registry);
    const helper = helperKey !== undefined ? config.credHelpers![helperKey] : config.credsStore;
    if (typeof helper === 'string' && helper !== '') return runHelper(helper, server, this.env);
    const entry = Object.entries(config.auths ?? {}).find(([key]) => registryOfKey(key) === registry)?.[1];
    if (entry === undefined || typeof entry !== 'object') return undefined;
    if (typeof entry.auth === 'string' && entry.auth !== '') {
      const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon > 0) return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
    }
    if (typeof entry.username === 'string' && typeof entry.password === 'string') return { username: entry.username, password: entry.password };
    return undefined;
  }
}

/** `docker-credential-<helper> get`; a helper that fails or knows nothing gives undefined */
function runHelper(helper: string, server: string, env: NodeJS.ProcessEnv): Promise<Credential | undefined> {
  return new Promise((resolve) => {
    let out = '';
    let child;
    try {
      child = spawn(`docker-credential-${helper}`, ['get'], { env, stdio: ['pipe', 'pipe', 'ignore'], timeout: HELPER_TIMEOUT_MS });
    } catch {
      resolve(undefined);
      return;
    }
    child.on('error', () => resolve(undefined));
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.on('close', (code) => {
      if (code !== 0) return resolve(undefined);
      try {
        const parsed = JSON.parse(out) as { Username?: unknown; Secret?: unknown };
        const ok = typeof parsed.Username === 'string' && typeof parsed.Secret === 'string' && parsed.Username !== '<token>';
        resolve(ok ? { username: parsed.Username as string, password: parsed.Secret as string } : undefined);
      } catch {
        resolve(undefined);
      }
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(server);
  });
}
