/** Image references as registries see them: the registry, the full repository path, a tag or a digest. */
import { isValidImageReference, parseImageRef } from '../model/image.ts';

export interface RegistryRef {
  /** `docker.io` for Docker Hub (however written), else the host[:port] as written, lower-cased */
  registry: string;
  /** the repository path in the registry: `library/node` for `node` on Docker Hub */
  repository: string;
  /** the tag (`latest` when none is written); unused when a digest is given, as Docker does */
  tag: string;
  digest?: string;
}

const DOCKER_HUB_NAMES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
const DIGEST = /^sha256:[a-f0-9]{64}$/;

/** `node:22` -> docker.io/library/node:22; undefined for anything that is not a valid reference (or a digest we cannot verify) */
export function registryRef(text: string): RegistryRef | undefined {
  if (!isValidImageReference(text)) return undefined;
  const parsed = parseImageRef(text);
  if (parsed.isScratch) return undefined;
  const host = parsed.registry?.toLowerCase() ?? 'docker.io';
  const registry = DOCKER_HUB_NAMES.has(host) ? 'docker.io' : host;
  const repository = registry === 'docker.io' && !parsed.repository.includes('/') ? `library/${parsed.repository}` : parsed.repository;
  const ref: RegistryRef = { registry, repository, tag: parsed.tag ?? 'latest' };
  if (parsed.digest !== undefined) {
    // only sha256 is checked against the content; another algorithm would be trusted blindly
    if (!DIGEST.test(parsed.digest)) return undefined;
    ref.digest = parsed.digest;
  }
  return ref;
}

/** `docker.io/library/node:22`, or `docker.io/library/node@sha256:...` when pinned (the tag is then ignored, as by Docker) */
export function canonicalName(ref: RegistryRef): string {
  return ref.digest !== undefined ? `${ref.registry}/${ref.repository}@${ref.digest}` : `${ref.registry}/${ref.repository}:${ref.tag}`;
}

/** the host the registry API answers on */
export function apiHost(registry: string): string {
  return registry === 'docker.io' ? 'registry-1.docker.io' : registry;
}

/**
 * Registries on the loopback interface are spoken to in plain HTTP, as Docker treats
 * 127.0.0.0/8 and localhost as insecure registries by default; every other one in HTTPS.
 */
export function isLoopback(registry: string): boolean {
  const host = registry.startsWith('[') ? registry.slice(0, registry.indexOf(']') + 1) : registry.replace(/:\d+$/, '');
  return host === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '[::1]';
}
