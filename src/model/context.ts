/**
 * The build context, when its directory is known (default: the Dockerfile's folder,
 * or `--context DIR`): which files exist and what `.dockerignore` excludes.
 * Read lazily and cached per context directory for the whole process.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ignore, { type Ignore } from 'ignore';

export interface BuildContext {
  dir: string;
  /** the `.dockerignore` (or `<Dockerfile>.dockerignore`) in use, if any */
  dockerignorePath?: string;
  ignored(path: string): boolean;
  exists(path: string): boolean;
  /** file names at the top of the context */
  topLevelFiles(): readonly string[];
  /** what a path of the context is: ADD unpacks an `archive` whatever its name; undefined when it does not exist */
  kind(path: string): PathKind | undefined;
}

export type PathKind = 'directory' | 'archive' | 'file';

/** the formats ADD unpacks (tar, plain or gzip, bzip2, xz, zstd compressed), by their magic bytes */
function isArchiveHead(head: Buffer): boolean {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  return head.toString('latin1', 257, 262) === 'ustar' || starts(0x1f, 0x8b) || starts(0x42, 0x5a, 0x68)
    || starts(0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00) || starts(0x28, 0xb5, 0x2f, 0xfd);
}

function pathKind(path: string): PathKind | undefined {
  try {
    if (statSync(path).isDirectory()) return 'directory';
    const fd = openSync(path, 'r');
    try {
      const head = Buffer.alloc(512);
      return isArchiveHead(head.subarray(0, readSync(fd, head, 0, 512, 0))) ? 'archive' : 'file';
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
}

const contexts = new Map<string, BuildContext>();
/** per context directory: its .dockerignore, when there is one (many Dockerfiles share a context) */
const contextIgnoreFiles = new Map<string, string | undefined>();
/** per .dockerignore file: its compiled patterns (undefined when unreadable) */
const matchers = new Map<string, Ignore | undefined>();

/** Forget every context read so far: a long-lived process (the language server) saw a .dockerignore change. */
export function clearContextCache(): void {
  contexts.clear();
  contextIgnoreFiles.clear();
  matchers.clear();
}

function contextDockerignore(dir: string): string | undefined {
  if (!contextIgnoreFiles.has(dir)) {
    const path = join(dir, '.dockerignore');
    contextIgnoreFiles.set(dir, existsSync(path) ? path : undefined);
  }
  return contextIgnoreFiles.get(dir);
}

function matcherOf(path: string): Ignore | undefined {
  if (!matchers.has(path)) {
    let matcher: Ignore | undefined;
    try {
      matcher = ignore().add(readFileSync(path, 'utf8'));
    } catch {
      matcher = undefined;
    }
    matchers.set(path, matcher);
  }
  return matchers.get(path);
}

export function loadContext(dir: string, dockerfilePath?: string): BuildContext {
  const key = `${dir}\0${dockerfilePath ?? ''}`;
  let ctx = contexts.get(key);
  if (ctx) return ctx;
  // BuildKit prefers <Dockerfile>.dockerignore next to the Dockerfile
  const own = dockerfilePath ? `${dockerfilePath}.dockerignore` : undefined;
  const ignorePath = own !== undefined && existsSync(own) ? own : contextDockerignore(dir);
  const matcher = ignorePath ? matcherOf(ignorePath) : undefined;
  let files: string[] | undefined;
  ctx = {
    dir,
    ignored: (path) => {
      const rel = path.replace(/^\.?\/+/, '');
      return rel !== '' && matcher !== undefined && matcher.ignores(rel);
    },
    exists: (path) => existsSync(join(dir, path)),
    kind: (path) => pathKind(join(dir, path)),
    topLevelFiles: () => {
      if (!files) {
        try {
          files = readdirSync(dir);
        } catch {
          files = [];
        }
      }
      return files;
    },
  };
  if (ignorePath) ctx.dockerignorePath = ignorePath;
  contexts.set(key, ctx);
  return ctx;
}
