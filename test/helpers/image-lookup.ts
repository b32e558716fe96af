/**
 * An ImageLookup over answers written in the test: rule tests state what the registry says
 * (test/images/ shows that the resolver gives such answers from a real registry). A reference
 * not listed is unknown, as with images not resolved.
 */
import type { ImageAnswer, ImageConfig, ImageLookup, ResolvedImage } from '../../src/model/index.ts';

export const DIGEST_A = `sha256:${'a'.repeat(64)}`;
export const DIGEST_B = `sha256:${'b'.repeat(64)}`;

export const ROOT_CONFIG: ImageConfig = { user: '', env: {}, exposedPorts: [], labels: {} };

export function registryImage(digest: string, config: ImageConfig = ROOT_CONFIG): ImageAnswer {
  const image: ResolvedImage = { source: 'registry', digest, config, platforms: [{ os: 'linux', architecture: 'amd64', variant: '' }] };
  return { found: true, image };
}

export function staticLookup(images: Record<string, ImageAnswer>, versionTags: Record<string, string[]> = {}): ImageLookup {
  return {
    image: (reference) => images[reference],
    versionTags: (reference) => versionTags[reference],
  };
}
