/**
 * Image metadata for the lint (issue 21): what a base image provides, from the local engine's
 * store or a registry, cached on disk. Loaded only when images are resolved (`--resolve-images`,
 * `--offline`, the language server with `images` configured); docs/images.md says what goes
 * over the network and when.
 */
export { ImageResolver, defaultPlatform, type ResolveMode, type ResolverOptions } from './resolver.ts';
export { defaultCacheDir } from './cache.ts';
