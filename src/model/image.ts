/** Image references: `[registry/]repository[:tag][@digest]`. */

export interface ImageRef {
  /** the reference after ARG substitution (as written when it could not be resolved) */
  text: string;
  /** true when every variable in it had a known value */
  resolved: boolean;
  registry?: string;
  /** path without registry, e.g. `library/node` is written `node` */
  repository: string;
  tag?: string;
  digest?: string;
  isScratch: boolean;
}

const DOCKER_HUB = /^(docker\.io|index\.docker\.io|registry-1\.docker\.io)$/i;

/**
 * The repository as lists of known images match it, lower-cased: Docker Hub's without its
 * registry and `library/` (`node`, `grafana/k6`), any other with its registry (`gcr.io/distroless/static`).
 */
export function repositoryName(image: ImageRef): string {
  const hub = image.registry === undefined || DOCKER_HUB.test(image.registry);
  return (hub ? image.repository.replace(/^library\//, '') : `${image.registry}/${image.repository}`).toLowerCase();
}

export function parseImageRef(text: string, resolved = true): ImageRef {
  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let registry: string | undefined;
  const slash = rest.indexOf('/');
  if (slash !== -1) {
    const first = rest.slice(0, slash);
    // the first component is a registry host when it looks like one (docker's rule)
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first;
      rest = rest.slice(slash + 1);
    }
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon !== -1 && !rest.slice(colon).includes('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const ref: ImageRef = { text, resolved, repository: rest, isScratch: rest.toLowerCase() === 'scratch' && !registry };
  if (registry !== undefined) ref.registry = registry;
  if (tag !== undefined) ref.tag = tag;
  if (digest !== undefined) ref.digest = digest;
  return ref;
}

/** Windows base images: mcr.microsoft.com/windows/servercore, microsoft/nanoserver, python:3.12-windowsservercore-ltsc2022 ... */
const WINDOWS_REPOSITORY = /(^|[/-])(windows|nanoserver|servercore|windowsservercore)([/-]|$)/i;
const WINDOWS_TAG = /(^|[-.])(nanoserver|servercore|windowsservercore|windows)([-.]|$)/i;

export function isWindowsImage(image: ImageRef): boolean {
  return WINDOWS_REPOSITORY.test(image.repository) || WINDOWS_TAG.test(image.tag ?? '');
}

// the distribution reference grammar (docker's reference package), as regular expressions
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const DOMAIN_PART = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_PART}(?:\\.${DOMAIN_PART})*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?`;
const REFERENCE = new RegExp(
  `^(?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*(?::[\\w][\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$`,
);

/** whether `text` parses as an image reference (`[registry/]path[:tag][@digest]`, lower-case path) */
export function isValidImageReference(text: string): boolean {
  if (text.length === 0 || text.length > 255 + 140) return false;
  // a 64-hex name is taken for an image id, not a repository
  if (/^[a-f0-9]{64}$/.test(text)) return false;
  return REFERENCE.test(text);
}
