/** An image's platform as the engines record it (`Os`/`Architecture`/`Variant` in the image config). */
export interface ImagePlatform {
  os: string;
  architecture: string;
  /** e.g. `v7` for arm; empty when the image does not say */
  variant: string;
}

// the spellings engines accept for one architecture, after containerd's normalization
const ARCHITECTURE_ALIASES: Record<string, { architecture: string; variant?: string }> = {
  i386: { architecture: '386' },
  x86_64: { architecture: 'amd64' },
  'x86-64': { architecture: 'amd64' },
  aarch64: { architecture: 'arm64' },
  armhf: { architecture: 'arm', variant: 'v7' },
  armel: { architecture: 'arm', variant: 'v6' },
};

// variants that mean the architecture's baseline, so `linux/arm64/v8` is `linux/arm64`
const DEFAULT_VARIANTS: Record<string, string> = { amd64: 'v1', arm64: 'v8', arm: 'v7' };

const KNOWN_OS = new Set(['linux', 'windows', 'darwin', 'freebsd', 'netbsd', 'openbsd', 'solaris', 'illumos', 'aix', 'plan9', 'js', 'wasip1']);

function normalizeVariant(architecture: string, variant: string): string {
  const v = variant && /^\d/.test(variant) ? `v${variant}` : variant;
  return v === DEFAULT_VARIANTS[architecture] ? '' : v;
}

/** One platform in its canonical spelling, so that `linux/aarch64` and `linux/arm64/v8` compare equal. */
export function normalizePlatform(platform: ImagePlatform): ImagePlatform {
  const os = platform.os.toLowerCase();
  const raw = platform.architecture.toLowerCase();
  const alias = ARCHITECTURE_ALIASES[raw];
  const architecture = alias?.architecture ?? raw;
  const variant = normalizeVariant(architecture, platform.variant.toLowerCase() || alias?.variant || '');
  return { os, architecture, variant };
}

/**
 * A `--platform` value: `os/arch[/variant]`, or one component that is an OS (`linux`) or an
 * architecture (`arm64`); the part left out is not compared. Undefined when it is not one
 * platform (a comma list, empty parts).
 */
export function parsePlatform(text: string): Partial<ImagePlatform> | undefined {
  const parts = text.trim().split('/');
  if (parts.some((part) => part === '' || /[\s,]/.test(part)) || parts.length > 3) return undefined;
  if (parts.length === 1) {
    const only = parts[0]!.toLowerCase();
    return KNOWN_OS.has(only) ? { os: only } : { architecture: only };
  }
  return { os: parts[0]!, architecture: parts[1]!, ...(parts[2] !== undefined ? { variant: parts[2] } : {}) };
}

export function formatPlatform(platform: ImagePlatform): string {
  return [platform.os, platform.architecture, platform.variant].filter(Boolean).join('/');
}

/** Whether an image built for `built` is what `requested` (a parsed --platform) asked for. */
export function platformMatches(requested: Partial<ImagePlatform>, built: ImagePlatform): boolean {
  // an image config without a platform gives nothing to judge by
  if (!built.os && !built.architecture) return true;
  const have = normalizePlatform(built);
  const want = normalizePlatform({ os: requested.os ?? have.os, architecture: requested.architecture ?? have.architecture, variant: requested.variant ?? '' });
  if (want.os !== have.os || want.architecture !== have.architecture) return false;
  // an image that records no variant is the baseline; a request without one accepts any
  return requested.variant === undefined || want.variant === have.variant;
}
