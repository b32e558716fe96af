/**
 * A read-only client of the OCI distribution API (the Docker Registry HTTP API V2 it grew
 * from): a tag's digest (HEAD, which Docker Hub does not count as a pull), a manifest or index
 * by digest, an image config blob, a repository's tags. Authentication as Docker does it: a 401
 * names a scheme in WWW-Authenticate; `Basic` takes the stored credential, `Bearer` a token
 * from the realm it names (Docker Hub's flow), asked with the credential when there is one.
 * Node's fetch is the whole HTTP stack: five endpoints and two auth schemes need no library.
 * Every request has a time limit; content fetched by digest is checked against the digest.
 */
import { createHash } from 'node:crypto';
import type { ImagePlatform } from '../model/base-image.ts';
import type { CredentialStore } from './credentials.ts';
import { asRecord, platformOf } from './image-config.ts';
import { apiHost, isLoopback, type RegistryRef } from './reference.ts';

const INDEX_TYPES = ['application/vnd.oci.image.index.v1+json', 'application/vnd.docker.distribution.manifest.list.v2+json'];
const IMAGE_TYPES = ['application/vnd.oci.image.manifest.v1+json', 'application/vnd.docker.distribution.manifest.v2+json'];
const MANIFEST_ACCEPT = [...INDEX_TYPES, ...IMAGE_TYPES].join(', ');
/** manifests are small (the spec suggests registries accept at least 4 MiB); configs hold the history, still small */
const MAX_MANIFEST_BYTES = 4 << 20;
const MAX_CONFIG_BYTES = 16 << 20;
const MAX_REDIRECTS = 5;
/** tags per page asked, and pages read at most (Docker Hub's busiest repositories have a few thousand tags) */
const TAGS_PAGE = 1000;
const MAX_TAG_PAGES = 20;

/** why a registry could not answer: it is not reachable (down, slow), refuses us, or spoke nonsense */
export class RegistryError extends Error {
  constructor(
    message: string,
    readonly kind: 'unreachable' | 'unauthorized' | 'protocol',
  ) {
    super(message);
    this.name = 'RegistryError';
  }
}

export interface Missing {
  missing: 'tag' | 'digest' | 'repository';
}

export type Manifest =
  | { kind: 'index'; manifests: { digest: string; platform: ImagePlatform }[] }
  | { kind: 'image'; config: string };

export interface RegistryClientOptions {
  /** each request's time limit */
  timeoutMs: number;
  credentials: CredentialStore;
}

interface Challenge {
  scheme: 'basic' | 'bearer';
  params: Record<string, string>;
}

export function sha256Digest(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** `Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/node:pull"` */
export function parseChallenge(header: string | null): Challenge | undefined {
  const match = header === null ? null : /^\s*(basic|bearer)\b(.*)$/i.exec(header);
  if (!match) return undefined;
  const params: Record<string, string> = {};
  for (const m of match[2]!.matchAll(/([A-Za-z_]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))/g)) params[m[1]!.toLowerCase()] = (m[2] ?? m[3]!).replace(/\\(.)/g, '$1');
  return { scheme: match[1]!.toLowerCase() as Challenge['scheme'], params };
}

function describeFailure(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `no answer within ${timeoutMs / 1000} s`;
  if (e.cause?.code === 'ECONNREFUSED') return 'connection refused';
  if (e.cause?.code === 'ENOTFOUND' || e.cause?.code === 'EAI_AGAIN') return 'unknown host';
  return e.cause?.message ?? e.message ?? String(error);
}

export class RegistryClient {
  /** Authorization header per registry and repository, once a challenge was answered */
  private readonly authorizations = new Map<string, { header: string; until: number }>();

  constructor(private readonly options: RegistryClientOptions) {}

  /** the digest a tag points at now, or what is missing */
  async tagDigest(ref: RegistryRef): Promise<string | Missing> {
    const path = `manifests/${encodeURIComponent(ref.tag)}`;
    const response = await this.request(ref.registry, ref.repository, path, 'HEAD', MANIFEST_ACCEPT);
    const digest = response.headers.get('docker-content-digest');
    if (response.ok && digest !== null && /^sha256:[a-f0-9]{64}$/.test(digest)) return digest;
    if (response.status !== 404) this.expectOk(response, ref, path);
    // a HEAD has no body: a GET tells a missing tag from a missing repository, and gives the
    // digest when the registry sends no Docker-Content-Digest (optional in the OCI spec)
    const got = await this.request(ref.registry, ref.repository, path, 'GET', MANIFEST_ACCEPT);
    if (got.status === 404) return missingOf(await got.arrayBuffer(), 'tag');
    this.expectOk(got, ref, `manifests/${ref.tag}`);
    return sha256Digest(await this.body(got, MAX_MANIFEST_BYTES));
  }

  /** a manifest or an index by digest, checked against it */
  async manifest(ref: RegistryRef, digest: string): Promise<Manifest | Missing> {
    const response = await this.request(ref.registry, ref.repository, `manifests/${digest}`, 'GET', MANIFEST_ACCEPT);
    if (response.status === 404) return missingOf(await response.arrayBuffer(), 'digest');
    this.expectOk(response, ref, `manifests/${digest}`);
    const bytes = await this.verified(response, digest, MAX_MANIFEST_BYTES);
    return parseManifest(bytes, response.headers.get('content-type'));
  }

  /** an image config blob by digest, checked against it (JSON) */
  async config(ref: RegistryRef, digest: string): Promise<unknown> {
    const response = await this.request(ref.registry, ref.repository, `blobs/${digest}`, 'GET', '*/*');
    if (response.status === 404) throw new RegistryError(`${ref.registry}/${ref.repository}: the config blob ${digest} is missing`, 'protocol');
    this.expectOk(response, ref, `blobs/${digest}`);
    const bytes = await this.verified(response, digest, MAX_CONFIG_BYTES);
    try {
      return JSON.parse(Buffer.from(bytes).toString('utf8'));
    } catch {
      throw new RegistryError(`${ref.registry}/${ref.repository}: the config blob ${digest} is not JSON`, 'protocol');
    }
  }

  /** every tag of the repository (following the pages' `Link: <...>; rel="next"`) */
  async tags(ref: RegistryRef): Promise<string[] | Missing> {
    const tags: string[] = [];
    let path: string | undefined = `tags/list?n=${TAGS_PAGE}`;
    for (let page = 0; path !== undefined && page < MAX_TAG_PAGES; page++) {
      const response = await this.request(ref.registry, ref.repository, path, 'GET', 'application/json');
      if (response.status === 404) return missingOf(await response.arrayBuffer(), 'repository');
      this.expectOk(response, ref, 'tags/list');
      const body = asRecord(JSON.parse(Buffer.from(await this.body(response, MAX_MANIFEST_BYTES)).toString('utf8')));
      const listed = body?.tags;
      if (Array.isArray(listed)) for (const tag of listed) if (typeof tag === 'string') tags.push(tag);
      const next = /<([^>]+)>\s*;\s*rel="?next"?/.exec(response.headers.get('link') ?? '')?.[1];
      const v2 = next === undefined ? -1 : next.indexOf(`/v2/${ref.repository}/`);
      path = next === undefined || v2 === -1 ? undefined : next.slice(v2 + `/v2/${ref.repository}/`.length);
    }
    return tags;
  }

  private expectOk(response: Response, ref: RegistryRef, what: string): void {
    if (response.ok) return;
    if (response.status === 401 || response.status === 403) {
      throw new RegistryError(`${ref.registry} refused access to ${ref.repository} (HTTP ${response.status}: private, or it does not exist; credentials come from ~/.docker/config.json)`, 'unauthorized');
    }
    throw new RegistryError(`${ref.registry}: ${what} answered HTTP ${response.status}`, response.status >= 500 ? 'unreachable' : 'protocol');
  }

  private async body(response: Response, limit: number): Promise<Uint8Array> {
    const length = Number(response.headers.get('content-length') ?? '0');
    if (length > limit) throw new RegistryError(`${response.url}: ${length} bytes, more than the ${limit} expected`, 'protocol');
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.length > limit) throw new RegistryError(`${response.url}: more than the ${limit} bytes expected`, 'protocol');
    return bytes;
  }

  private async verified(response: Response, digest: string, limit: number): Promise<Uint8Array> {
    const bytes = await this.body(response, limit);
    if (sha256Digest(bytes) !== digest) throw new RegistryError(`${response.url}: the content does not match its digest ${digest}`, 'protocol');
    return bytes;
  }

  /** a request to /v2/<repository>/<path>, answering an auth challenge once */
  private async request(registry: string, repository: string, path: string, method: 'GET' | 'HEAD', accept: string): Promise<Response> {
    const url = `${isLoopback(registry) ? 'http' : 'https'}://${apiHost(registry)}/v2/${repository}/${path}`;
    const key = `${registry}/${repository}`;
    const known = this.authorizations.get(key);
    let authorization = known !== undefined && known.until > Date.now() ? known.header : undefined;
    let response = await this.send(url, method, accept, authorization);
    if (response.status !== 401) return response;
    const challenge = parseChallenge(response.headers.get('www-authenticate'));
    await response.body?.cancel();
    if (challenge === undefined) return response;
    const granted = await this.authorize(challenge, registry, repository);
    if (granted === undefined) return response;
    this.authorizations.set(key, granted);
    authorization = granted.header;
    response = await this.send(url, method, accept, authorization);
    return response;
  }

  private async authorize(challenge: Challenge, registry: string, repository: string): Promise<{ header: string; until: number } | undefined> {
    const credential = await this.options.credentials.get(registry);
    const basic = credential && `Basic ${Buffer.from(`${credential.username}:${credential.password}`).toString('base64')}`;
    if (challenge.scheme === 'basic') return basic === undefined ? undefined : { header: basic, until: Infinity };
    const realm = challenge.params.realm;
    if (realm === undefined || !/^https?:\/\//i.test(realm)) return undefined;
    const url = new URL(realm);
    if (challenge.params.service !== undefined) url.searchParams.set('service', challenge.params.service);
    url.searchParams.set('scope', challenge.params.scope ?? `repository:${repository}:pull`);
    const response = await this.send(url.href, 'GET', 'application/json', basic);
    if (!response.ok) {
      await response.body?.cancel();
      throw new RegistryError(`${registry}: the token service ${url.host} answered HTTP ${response.status}`, response.status === 401 || response.status === 403 ? 'unauthorized' : 'protocol');
    }
    const body = asRecord(JSON.parse(Buffer.from(await this.body(response, MAX_MANIFEST_BYTES)).toString('utf8')));
    const token = typeof body?.token === 'string' ? body.token : typeof body?.access_token === 'string' ? body.access_token : undefined;
    if (token === undefined) throw new RegistryError(`${registry}: the token service ${url.host} gave no token`, 'protocol');
    // the spec's default lifetime is 60 s; renew a little early
    const seconds = typeof body?.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 60;
    return { header: `Bearer ${token}`, until: Date.now() + Math.max(seconds - 10, 1) * 1000 };
  }

  /** one HTTP exchange with the time limit; redirects followed by hand, without credentials to another origin (blob storage) */
  private async send(url: string, method: 'GET' | 'HEAD', accept: string, authorization: string | undefined): Promise<Response> {
    const signal = AbortSignal.timeout(this.options.timeoutMs);
    let target = url;
    try {
      for (let hop = 0; ; hop++) {
        const headers: Record<string, string> = { accept, 'user-agent': 'tslint-docker' };
        if (authorization !== undefined && new URL(target).origin === new URL(url).origin) headers.authorization = authorization;
        const response = await fetch(target, { method, headers, redirect: 'manual', signal });
        const location = response.headers.get('location');
        if (response.status < 300 || response.status >= 400 || location === null) return response;
        await response.body?.cancel();
        if (hop >= MAX_REDIRECTS) throw new RegistryError(`${url}: too many redirects`, 'protocol');
        target = new URL(location, target).href;
      }
    } catch (error) {
      if (error instanceof RegistryError) throw error;
      throw new RegistryError(describeFailure(error, this.options.timeoutMs), 'unreachable');
    }
  }
}

/** a 404's error code: NAME_UNKNOWN is the repository, MANIFEST_UNKNOWN the tag or digest asked */
function missingOf(body: ArrayBuffer, asked: 'tag' | 'digest' | 'repository'): Missing {
  try {
    const errors = asRecord(JSON.parse(Buffer.from(body).toString('utf8')))?.errors;
    if (Array.isArray(errors) && errors.some((e) => asRecord(e)?.code === 'NAME_UNKNOWN')) return { missing: 'repository' };
  } catch {
    // no JSON body: the 404 alone
  }
  return { missing: asked };
}

/** an index (its platforms; attestation entries, `unknown/unknown`, left out) or an image manifest (its config digest) */
export function parseManifest(bytes: Uint8Array, contentType: string | null): Manifest {
  let body: Record<string, unknown> | undefined;
  try {
    body = asRecord(JSON.parse(Buffer.from(bytes).toString('utf8')));
  } catch {
    body = undefined;
  }
  if (body === undefined) throw new RegistryError('a manifest that is not JSON', 'protocol');
  const mediaType = typeof body.mediaType === 'string' ? body.mediaType : (contentType ?? '').split(';')[0]!.trim();
  if (INDEX_TYPES.includes(mediaType) || (!IMAGE_TYPES.includes(mediaType) && Array.isArray(body.manifests))) {
    const manifests: { digest: string; platform: ImagePlatform }[] = [];
    for (const entry of Array.isArray(body.manifests) ? body.manifests : []) {
      const record = asRecord(entry);
      const platform = platformOf(record?.platform);
      if (typeof record?.digest !== 'string' || platform === undefined || platform.os === 'unknown') continue;
      manifests.push({ digest: record.digest, platform });
    }
    return { kind: 'index', manifests };
  }
  const config = asRecord(body.config)?.digest;
  if ((IMAGE_TYPES.includes(mediaType) || mediaType === '') && typeof config === 'string') return { kind: 'image', config };
  throw new RegistryError(`a manifest of an unsupported type (${mediaType || 'none'})`, 'protocol');
}
