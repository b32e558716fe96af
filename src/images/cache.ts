/**
 * The on-disk image cache, one small JSON file per answer, under the user's cache folder
 * ($XDG_CACHE_HOME/tslint-docker/images, default ~/.cache/tslint-docker/images):
 *   refs/      what a reference (`docker.io/library/node:22`) resolved to, when: a digest, "missing",
 *              or the local engine's whole answer; these have a time-to-live (tags move)
 *   tags/      a repository's tag list, when; a time-to-live too
 *   manifests/ a manifest or index by digest, configs/ an image config by digest: content-addressed,
 *              so they never go stale
 * Reads are synchronous (the lint asks while it runs); writes are atomic, and a cache that
 * cannot be written only costs the next run its answers.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../fix/write.ts';
import type { ImageConfig, ImagePlatform, ResolvedImage } from '../model/base-image.ts';
import { sha256 } from '../report/common.ts';
import type { Manifest, Missing } from './registry.ts';

/** bumped when an entry's shape changes: old entries are then simply not found */
const LAYOUT = 'v1';

export interface RefEntry {
  name: string;
  /** when it was asked (ms since the epoch) */
  at: number;
  digest?: string;
  missing?: Missing['missing'];
  /** an image of the local engine's store (its answer is kept whole: there is nothing to fetch by digest) */
  engine?: ResolvedImage;
}

export interface TagsEntry {
  repository: string;
  at: number;
  tags: string[];
}

export interface ConfigEntry {
  platform?: ImagePlatform;
  config: ImageConfig;
}

export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CACHE_HOME !== undefined && env.XDG_CACHE_HOME !== '' ? env.XDG_CACHE_HOME : join(homedir(), '.cache');
  return join(base, 'tslint-docker', 'images');
}

export class ImageCache {
  private readonly root: string;
  /** the first write that failed, if any (reported once by the resolver) */
  writeError: string | undefined;

  constructor(dir: string) {
    this.root = join(dir, LAYOUT);
  }

  ref(name: string): RefEntry | undefined {
    return this.read<RefEntry>('refs', sha256(name), (e) => e.name === name && typeof e.at === 'number');
  }

  setRef(entry: RefEntry): void {
    this.write('refs', sha256(entry.name), entry);
  }

  tags(repository: string): TagsEntry | undefined {
    return this.read<TagsEntry>('tags', sha256(repository), (e) => e.repository === repository && Array.isArray(e.tags));
  }

  setTags(entry: TagsEntry): void {
    this.write('tags', sha256(entry.repository), entry);
  }

  manifest(digest: string): Manifest | undefined {
    return this.read<Manifest>('manifests', fileOfDigest(digest), (e) => e.kind === 'index' || e.kind === 'image');
  }

  setManifest(digest: string, manifest: Manifest): void {
    this.write('manifests', fileOfDigest(digest), manifest);
  }

  config(digest: string): ConfigEntry | undefined {
    return this.read<ConfigEntry>('configs', fileOfDigest(digest), (e) => typeof e.config === 'object' && e.config !== null);
  }

  setConfig(digest: string, entry: ConfigEntry): void {
    this.write('configs', fileOfDigest(digest), entry);
  }

  private read<T>(folder: string, name: string, valid: (entry: T) => boolean): T | undefined {
    try {
      const entry = JSON.parse(readFileSync(join(this.root, folder, `${name}.json`), 'utf8')) as T;
      return entry !== null && typeof entry === 'object' && valid(entry) ? entry : undefined;
    } catch {
      return undefined;
    }
  }

  private write(folder: string, name: string, entry: unknown): void {
    const dir = join(this.root, folder);
    const path = join(dir, `${name}.json`);
    try {
      mkdirSync(dir, { recursive: true });
      writeFileAtomic(path, JSON.stringify(entry));
    } catch (error) {
      // another worker thread writing the same answer at the same moment is no failure
      if (!existsSync(path)) this.writeError ??= `${dir}: ${(error as Error).message}`;
    }
  }
}

/** `sha256:ab..` -> `sha256-ab..`; anything else (a registry's odd answer) is hashed, never used as a path */
function fileOfDigest(digest: string): string {
  return /^sha256:[a-f0-9]{64}$/.test(digest) ? digest.replace(':', '-') : `other-${sha256(digest)}`;
}
