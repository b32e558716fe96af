/**
 * Which tags of a repository may name the same image as `latest`: plain version tags
 * (`1.36.1`, `1.36`, `v2`), newest first, at most MAX_CANDIDATES of them, since each costs a
 * request to learn its digest. `latest` usually points at the newest release, so the newest
 * versions are the ones worth asking about.
 */
const VERSION = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:\.(\d+))?$/;
export const MAX_CANDIDATES = 25;

function parts(tag: string): number[] | undefined {
  const m = VERSION.exec(tag);
  return m ? m.slice(1).filter((p) => p !== undefined).map(Number) : undefined;
}

/** newest first; of `1.36.1`, `1.36` and `1`, the most specific first */
function compare(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return b[i]! - a[i]!;
  return b.length - a.length;
}

/** the version tags worth comparing with `tag`'s digest (`tag` itself left out) */
export function versionCandidates(tags: readonly string[], tag: string): string[] {
  const versions: { tag: string; parts: number[] }[] = [];
  for (const t of tags) {
    const p = t === tag ? undefined : parts(t);
    if (p !== undefined && p.every(Number.isSafeInteger)) versions.push({ tag: t, parts: p });
  }
  return versions.sort((a, b) => compare(a.parts, b.parts) || (a.tag < b.tag ? -1 : 1)).slice(0, MAX_CANDIDATES).map((v) => v.tag);
}
