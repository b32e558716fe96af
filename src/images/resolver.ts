/**
 * Resolving image references before a lint, and answering the lint's questions synchronously.
 *
 * The lint asks its `lookup` while it runs. An answer comes from this process's memory, else
 * from the disk cache; a question neither can answer is noted (a miss) and answered
 * "unknown". In `resolve` mode the caller then awaits `resolveMisses()`, which asks the local
 * engine's store (an image there is what `FROM` builds on) and else the registry, fills the
 * cache, and lints again: a warm cache costs one lint, a cold one two. In `cache` mode
 * (`--offline`, the language server) nothing is ever asked: the cache answers, entries past
 * their time-to-live included, or nothing does.
 *
 * A registry that cannot be reached (down, slow past the time limit) is given up for the rest
 * of the process after one warning line: its images stay unknown and the lint goes on.
 */
import { arch, endianness } from 'node:os';
import { normalizePlatform, parsePlatform, platformMatches, formatPlatform } from '../engine/platform.ts';
import type { Engine, StoredImage } from '../engine/types.ts';
import type { ImageAnswer, ImageLookup, ImagePlatform, ResolvedImage } from '../model/base-image.ts';
import { defaultCacheDir, ImageCache, type RefEntry, type TagsEntry } from './cache.ts';
import { CredentialStore } from './credentials.ts';
import { imageConfigOf } from './image-config.ts';
import { canonicalName, registryRef, type RegistryRef } from './reference.ts';
import { RegistryClient, RegistryError, type Manifest } from './registry.ts';
import { versionCandidates } from './version-tags.ts';

export type ResolveMode = 'resolve' | 'cache';

export interface ResolverOptions {
  /** `resolve`: ask the engine and registries for what the cache lacks; `cache`: the cache only */
  mode: ResolveMode;
  /** default: $XDG_CACHE_HOME/tslint-docker/images, else ~/.cache/tslint-docker/images */
  cacheDir?: string;
  /** each registry request's time limit; default TSLINT_DOCKER_REGISTRY_TIMEOUT_MS or 5 s */
  timeoutMs?: number;
  /** how long a tag's digest and a tag list hold before they are asked again; default 24 h */
  ttlMs?: number;
  /** the engine whose store is asked first in resolve mode; default: the detected one; null: none */
  engine?: Engine | null;
  env?: NodeJS.ProcessEnv;
}

const DEFAULT_TIMEOUT_MS = 5_000;
const DEFAULT_TTL_MS = 24 * 3600_000;
/** requests in flight at once, over all registries */
const CONCURRENCY = 6;

type Question =
  | { kind: 'image'; ref: RegistryRef; name: string; platform: ImagePlatform; key: string }
  | { kind: 'tags'; ref: RegistryRef; name: string; key: string };

/** the platform a build without --platform uses: DOCKER_DEFAULT_PLATFORM, else Linux on this machine's architecture */
export function defaultPlatform(env: NodeJS.ProcessEnv = process.env): ImagePlatform {
  const forced = env.DOCKER_DEFAULT_PLATFORM ? parsePlatform(env.DOCKER_DEFAULT_PLATFORM) : undefined;
  if (forced?.os !== undefined && forced.architecture !== undefined) return normalizePlatform({ os: forced.os, architecture: forced.architecture, variant: forced.variant ?? '' });
  const machine = arch();
  const architecture = ({ x64: 'amd64', ia32: '386', ppc64: endianness() === 'LE' ? 'ppc64le' : 'ppc64' } as Record<string, string>)[machine] ?? machine;
  return normalizePlatform({ os: 'linux', architecture, variant: '' });
}

export class ImageResolver {
  readonly lookup: ImageLookup;
  private readonly mode: ResolveMode;
  private readonly cache: ImageCache;
  private readonly ttlMs: number;
  private readonly client: RegistryClient;
  private readonly hostPlatform: ImagePlatform;
  /** answers worked out in this process (from memory or disk), by question */
  private readonly answers = new Map<string, ImageAnswer | readonly string[]>();
  /** questions the cache could not answer, waiting for resolveMisses() */
  private readonly misses = new Map<string, Question>();
  /** questions that failed in this process (registry down, refused): unknown, not asked again */
  private readonly failed = new Set<string>();
  /** what this process fetched, so an unwritable cache still serves the run */
  private readonly refs = new Map<string, RefEntry>();
  private readonly tagLists = new Map<string, TagsEntry>();
  private readonly manifests = new Map<string, Manifest>();
  private readonly configs = new Map<string, NonNullable<ReturnType<ImageCache['config']>>>();
  /** registries given up on, with the reason */
  private readonly down = new Map<string, string>();
  private readonly warned = new Set<string>();
  private pendingWarnings: string[] = [];
  private engine: Engine | null | undefined;
  /** the engine store's names, canonical -> as listed (loaded by prepare()) */
  private engineNames = new Map<string, string>();
  private prepared: Promise<void> | undefined;
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(options: ResolverOptions) {
    const env = options.env ?? process.env;
    this.mode = options.mode;
    this.cache = new ImageCache(options.cacheDir ?? defaultCacheDir(env));
    this.ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
    const envTimeout = Number(env.TSLINT_DOCKER_REGISTRY_TIMEOUT_MS);
    const timeoutMs = options.timeoutMs ?? (Number.isFinite(envTimeout) && envTimeout > 0 ? envTimeout : DEFAULT_TIMEOUT_MS);
    this.client = new RegistryClient({ timeoutMs, credentials: new CredentialStore(env) });
    this.hostPlatform = defaultPlatform(env);
    this.engine = options.mode === 'cache' ? null : options.engine;
    this.lookup = {
      image: (reference, platform) => this.image(reference, platform),
      versionTags: (reference) => this.versionTags(reference),
      defaultPlatform: formatPlatform(this.hostPlatform),
    };
  }

  /** resolve mode: reads the engine's list of stored images once, so the lint knows which names the engine answers */
  prepare(): Promise<void> {
    this.prepared ??= (async () => {
      if (this.engine === null) return;
      let names: string[] | undefined;
      if (this.engine === undefined) {
        const { detectImageStore } = await import('../engine/detect.ts');
        const store = await detectImageStore().catch(() => undefined);
        this.engine = store?.engine ?? null;
        names = store?.names;
      } else {
        names = await this.engine.listImageNames().catch(() => undefined);
      }
      const podmanLike = this.engine?.name !== 'docker';
      for (const listed of names ?? []) {
        const ref = registryRef(listed);
        if (ref === undefined) continue;
        this.engineNames.set(canonicalName(ref), listed);
        // Buildah and Podman store names built here as localhost/<name>; `FROM <name>` finds them
        if (podmanLike && ref.registry === 'localhost') this.engineNames.set(canonicalName({ ...ref, registry: 'docker.io' }), listed);
      }
    })();
    return this.prepared;
  }

  hasMisses(): boolean {
    return this.misses.size > 0;
  }

  /** the warning lines of failures since the last call, each once per process */
  takeWarnings(): string[] {
    if (this.cache.writeError !== undefined && !this.warned.has('cache')) {
      this.warned.add('cache');
      this.pendingWarnings.push(`tslint-docker: images: could not write the image cache (${this.cache.writeError}): later runs ask again`);
    }
    const out = this.pendingWarnings;
    this.pendingWarnings = [];
    return out;
  }

  /** asks the engine and the registries what the lint missed (resolve mode); never rejects */
  async resolveMisses(): Promise<void> {
    if (this.mode !== 'resolve') {
      this.misses.clear();
      return;
    }
    await this.prepare();
    const questions = [...this.misses.values()];
    this.misses.clear();
    await runLimited(questions, CONCURRENCY, async (q) => {
      try {
        if (q.kind === 'image') await this.resolveImage(q);
        else await this.resolveTags(q);
      } catch (error) {
        this.fail(q.ref, error);
        this.failed.add(q.key);
      }
      this.answers.delete(q.key);
    });
  }

  // ---- the synchronous side: memory, then disk

  private image(reference: string, platform: string | undefined): ImageAnswer | undefined {
    const ref = registryRef(reference);
    const wanted = platform === undefined ? this.hostPlatform : parsePlatform(platform);
    if (ref === undefined || wanted?.os === undefined || wanted.architecture === undefined) return undefined;
    const plat = normalizePlatform({ os: wanted.os, architecture: wanted.architecture, variant: wanted.variant ?? '' });
    const name = canonicalName(ref);
    const key = `image ${name} ${formatPlatform(plat)}`;
    const known = this.answers.get(key) as ImageAnswer | undefined;
    if (known !== undefined) return known;
    if (this.failed.has(key)) return undefined;
    const answer = this.imageFromStore(ref, name, plat);
    if (answer !== undefined) this.answers.set(key, answer);
    else if (this.mode === 'resolve') this.misses.set(key, { kind: 'image', ref, name, platform: plat, key });
    return answer;
  }

  private imageFromStore(ref: RegistryRef, name: string, platform: ImagePlatform): ImageAnswer | undefined {
    // an image in the engine's store is what the build uses: its answer, else a miss that asks the engine
    // (asked afresh in each resolve run: a local image is rebuilt at will; the editor reads the last answer)
    const stored = this.mode === 'resolve' ? this.refs.get(`engine ${name}`) : this.refEntry(`engine ${name}`);
    if (stored?.engine !== undefined && this.matchesPlatform(stored.engine, platform)) return { found: true, image: stored.engine.platform === undefined ? stored.engine : { ...stored.engine, offersPlatform: true } };
    if (this.mode === 'resolve' && this.engineNames.has(name) && stored === undefined) return undefined;
    let digest = ref.digest;
    const entry = this.refEntry(name);
    if (entry?.missing !== undefined) return { found: false, missing: entry.missing };
    digest ??= entry?.digest;
    return digest === undefined ? undefined : this.imageAt(digest, platform);
  }

  private matchesPlatform(image: ResolvedImage, platform: ImagePlatform): boolean {
    return image.platform === undefined || platformMatches(platform, image.platform);
  }

  /** a ref entry this process wrote, else the disk's while it is fresh (any age in cache mode) */
  private refEntry(name: string): RefEntry | undefined {
    const mine = this.refs.get(name);
    if (mine !== undefined) return mine;
    const entry = this.cache.ref(name);
    return entry !== undefined && this.fresh(entry.at) ? entry : undefined;
  }

  private fresh(at: number): boolean {
    return this.mode === 'cache' || Date.now() - at <= this.ttlMs;
  }

  private manifestOf(digest: string): Manifest | undefined {
    return this.manifests.get(digest) ?? this.cache.manifest(digest);
  }

  private configOf(digest: string): ReturnType<ImageCache['config']> {
    return this.configs.get(digest) ?? this.cache.config(digest);
  }

  /** the image at a digest, for a platform, from what is stored; undefined while a piece is missing */
  private imageAt(digest: string, platform: ImagePlatform): ImageAnswer | undefined {
    const top = this.manifestOf(digest);
    if (top === undefined) return undefined;
    let manifest: Manifest | undefined = top;
    let platforms: ImagePlatform[] | undefined;
    if (top.kind === 'index') {
      platforms = top.manifests.map((m) => m.platform);
      const entry = pickPlatform(top.manifests, platform);
      // the index offers no image for this platform: its platforms say so, and there is no config
      if (entry === undefined) return { found: true, image: { source: 'registry', digest, platforms, offersPlatform: false } };
      manifest = this.manifestOf(entry.digest);
      if (manifest === undefined) return undefined;
    }
    // an index in an index: the platforms are known, the config is not looked for
    if (manifest.kind !== 'image') return { found: true, image: { source: 'registry', digest, ...(platforms ? { platforms } : {}) } };
    const config = this.configOf(manifest.config);
    if (config === undefined) return undefined;
    const image: ResolvedImage = { source: 'registry', digest, config: config.config };
    if (config.platform !== undefined) {
      image.platform = config.platform;
      // an index's entry was chosen for the platform; a single image is what it is
      image.offersPlatform = top.kind === 'index' || platformMatches(platform, config.platform);
    }
    const listed = platforms ?? (config.platform !== undefined ? [config.platform] : undefined);
    if (listed !== undefined) image.platforms = listed;
    return { found: true, image };
  }

  private versionTags(reference: string): readonly string[] | undefined {
    const ref = registryRef(reference);
    if (ref === undefined || ref.digest !== undefined) return undefined;
    const name = canonicalName(ref);
    const key = `tags ${name}`;
    const known = this.answers.get(key) as readonly string[] | undefined;
    if (known !== undefined) return known;
    if (this.failed.has(key)) return undefined;
    const answer = this.versionTagsFromStore(ref, name);
    if (answer !== undefined) this.answers.set(key, answer);
    else if (this.mode === 'resolve') this.misses.set(key, { kind: 'tags', ref, name, key });
    return answer;
  }

  private versionTagsFromStore(ref: RegistryRef, name: string): readonly string[] | undefined {
    const own = this.refEntry(name);
    if (own === undefined) return undefined;
    if (own.digest === undefined) return [];
    const listed = this.tagList(ref);
    if (listed === undefined) return undefined;
    const same: string[] = [];
    for (const tag of versionCandidates(listed.tags, ref.tag)) {
      const entry = this.refEntry(canonicalName({ ...ref, tag }));
      if (entry === undefined) return undefined;
      if (entry.digest === own.digest) same.push(tag);
    }
    // the most specific version first: `1.36.1` pins more than `1.36`
    return same.sort((a, b) => b.split('.').length - a.split('.').length);
  }

  private tagList(ref: RegistryRef): TagsEntry | undefined {
    const repository = `${ref.registry}/${ref.repository}`;
    const mine = this.tagLists.get(repository);
    if (mine !== undefined) return mine;
    const entry = this.cache.tags(repository);
    return entry !== undefined && this.fresh(entry.at) ? entry : undefined;
  }

  // ---- the asynchronous side: the engine's store, then the registry

  private async resolveImage(q: Extract<Question, { kind: 'image' }>): Promise<void> {
    const listed = this.engineNames.get(q.name);
    if (listed !== undefined && this.engine) {
      const stored = await this.once(`engine ${q.name}`, () => this.engine!.storedImage(listed));
      if (stored !== undefined) {
        const image = engineImage(stored, q.ref);
        this.putRef({ name: `engine ${q.name}`, at: Date.now(), engine: image });
        if (this.matchesPlatform(image, q.platform)) return;
      }
    }
    this.checkReachable(q.ref);
    let digest = q.ref.digest;
    if (digest === undefined) {
      const entry = await this.refDigest(q.ref);
      if (entry.digest === undefined) return;
      digest = entry.digest;
    }
    const top = await this.fetchManifest(q.ref, digest);
    if (top === undefined) return;
    let manifest = top;
    if (top.kind === 'index') {
      const entry = pickPlatform(top.manifests, q.platform);
      if (entry === undefined) return;
      const child = await this.fetchManifest(q.ref, entry.digest);
      if (child === undefined) throw new RegistryError(`${q.name}: the index lists ${entry.digest}, which the registry does not serve`, 'protocol');
      manifest = child;
    }
    if (manifest.kind === 'image' && this.configOf(manifest.config) === undefined) {
      const configDigest = manifest.config;
      await this.once(`config ${configDigest}`, async () => {
        const raw = await this.client.config(q.ref, configDigest);
        const record = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
        const platform = typeof record.os === 'string' && typeof record.architecture === 'string'
          ? { os: record.os, architecture: record.architecture, variant: typeof record.variant === 'string' ? record.variant : '' }
          : undefined;
        const entry = { config: imageConfigOf(record.config), ...(platform ? { platform } : {}) };
        this.configs.set(configDigest, entry);
        this.cache.setConfig(configDigest, entry);
      });
    }
  }

  private async resolveTags(q: Extract<Question, { kind: 'tags' }>): Promise<void> {
    this.checkReachable(q.ref);
    const own = await this.refDigest(q.ref);
    if (own.digest === undefined) return;
    const repository = `${q.ref.registry}/${q.ref.repository}`;
    let listed = this.tagList(q.ref);
    if (listed === undefined) {
      const tags = await this.once(`tags ${repository}`, () => this.client.tags(q.ref));
      listed = { repository, at: Date.now(), tags: Array.isArray(tags) ? tags : [] };
      this.tagLists.set(repository, listed);
      this.cache.setTags(listed);
    }
    await runLimited(versionCandidates(listed.tags, q.ref.tag), CONCURRENCY, (tag) => this.refDigest({ ...q.ref, tag }));
  }

  /** a tag's digest (or that it is missing), from a fresh entry or a HEAD request */
  private async refDigest(ref: RegistryRef): Promise<RefEntry> {
    const name = canonicalName(ref);
    const known = this.refEntry(name);
    if (known !== undefined) return known;
    return this.once(`ref ${name}`, async () => {
      const digest = await this.client.tagDigest(ref);
      const entry: RefEntry = typeof digest === 'string' ? { name, at: Date.now(), digest } : { name, at: Date.now(), missing: digest.missing };
      this.putRef(entry);
      return entry;
    });
  }

  /** a manifest by digest, stored; undefined when the registry does not serve it (noted as missing for a pinned reference) */
  private async fetchManifest(ref: RegistryRef, digest: string): Promise<Manifest | undefined> {
    const known = this.manifestOf(digest);
    if (known !== undefined) return known;
    return this.once(`manifest ${digest}`, async () => {
      const manifest = await this.client.manifest(ref, digest);
      if ('missing' in manifest) {
        if (ref.digest === digest) this.putRef({ name: canonicalName(ref), at: Date.now(), missing: manifest.missing === 'repository' ? 'repository' : 'digest' });
        return undefined;
      }
      this.manifests.set(digest, manifest);
      this.cache.setManifest(digest, manifest);
      return manifest;
    });
  }

  private putRef(entry: RefEntry): void {
    this.refs.set(entry.name, entry);
    this.cache.setRef(entry);
  }

  /** one request per thing at a time, whoever asks */
  private once<T>(key: string, work: () => Promise<T>): Promise<T> {
    let pending = this.inFlight.get(key) as Promise<T> | undefined;
    if (pending === undefined) {
      pending = work().finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  private checkReachable(ref: RegistryRef): void {
    const reason = this.down.get(ref.registry);
    if (reason !== undefined) throw new RegistryError(reason, 'unreachable');
  }

  private fail(ref: RegistryRef, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    const kind = error instanceof RegistryError ? error.kind : 'protocol';
    if (kind === 'unreachable' && !this.down.has(ref.registry)) this.down.set(ref.registry, message);
    // one line per registry that cannot be reached, and per repository otherwise
    const subject = kind === 'unreachable' ? ref.registry : `${ref.registry}/${ref.repository}`;
    if (this.warned.has(subject)) return;
    this.warned.add(subject);
    this.pendingWarnings.push(kind === 'unreachable'
      ? `tslint-docker: images: the registry ${ref.registry} is not reachable (${message}): its images stay unknown`
      : `tslint-docker: images: ${message}; its images stay unknown`);
  }
}

/** the engine's image as an answer: its config and platform, and the digest it was pulled by from this repository */
function engineImage(stored: StoredImage, ref: RegistryRef): ResolvedImage {
  const image: ResolvedImage = { source: 'engine', config: imageConfigOf(stored.config) };
  if (stored.platform.os !== '' || stored.platform.architecture !== '') image.platform = normalizePlatform(stored.platform);
  for (const repoDigest of stored.repoDigests) {
    const pulled = registryRef(repoDigest);
    if (pulled?.digest !== undefined && pulled.registry === ref.registry && pulled.repository === ref.repository) {
      image.digest = pulled.digest;
      break;
    }
  }
  return image;
}

/** the index entry for a platform: an exact variant first, else the first of the OS and architecture */
function pickPlatform<T extends { platform: ImagePlatform }>(entries: readonly T[], wanted: ImagePlatform): T | undefined {
  const matching = entries.filter((e) => platformMatches({ os: wanted.os, architecture: wanted.architecture }, e.platform));
  return matching.find((e) => normalizePlatform(e.platform).variant === wanted.variant) ?? (wanted.variant === '' ? matching[0] : undefined);
}

async function runLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
