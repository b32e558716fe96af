/**
 * The build context, when its directory is known (default: the Dockerfile's folder,
 * or `--context DIR`): which files exist and what `.dockerignore` excludes.
 * Read lazily and cached per context directory for the whole process.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import picomatch from 'picomatch';
import { cleanPath } from './workdir.ts';

export interface BuildContext {
  dir: string;
  /** the `.dockerignore` (or `<Dockerfile>.dockerignore`) in use, if any */
  dockerignorePath?: string;
  /** where a build likely finds its .dockerignore (see `findDockerignore`) */
  likelyDockerignore(): DockerignoreSearch;
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
/** per .dockerignore file: whether it excludes a path (undefined when it has no patterns) */
const matchers = new Map<string, ((path: string) => boolean) | undefined>();
/** per directory: whether it holds `.git` (a folder, or a file in a worktree or submodule) */
const repositoryRoots = new Map<string, boolean>();

/** Forget every context read so far: a long-lived process (the language server) saw a .dockerignore change. */
export function clearContextCache(): void {
  contexts.clear();
  contextIgnoreFiles.clear();
  matchers.clear();
  patternLists.clear();
  repositoryRoots.clear();
}

export interface IgnorePattern {
  /** the path pattern, cleaned as Docker reads it (no leading `/`) */
  pattern: string;
  /** a `!pattern` line: re-includes what an earlier pattern excluded */
  exclusion: boolean;
}
/** per .dockerignore file: its patterns as Docker reads them */
const patternLists = new Map<string, readonly IgnorePattern[]>();

/**
 * The patterns of the `.dockerignore` in use, as Docker reads them (moby/patternmatcher's
 * ignorefile): trimmed lines, `#` comments and blank lines skipped, `!` marks an exclusion.
 * Empty when there is none or it cannot be read.
 */
export function dockerignorePatterns(context: BuildContext): readonly IgnorePattern[] {
  return context.dockerignorePath === undefined ? [] : patternsOf(context.dockerignorePath);
}

function patternsOf(path: string): readonly IgnorePattern[] {
  let list = patternLists.get(path);
  if (!list) {
    let text = '';
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      // unreadable: no patterns
    }
    const patterns: IgnorePattern[] = [];
    for (const line of text.split(/\r?\n/)) {
      let pattern = line.trim();
      if (pattern === '' || pattern.startsWith('#')) continue;
      const exclusion = pattern.startsWith('!');
      if (exclusion) pattern = pattern.slice(1).trim();
      if (pattern.length > 1 && pattern.startsWith('/')) pattern = pattern.replace(/^\/+/, '');
      if (pattern === '') continue;
      patterns.push({ pattern: cleanPath(pattern), exclusion });
    }
    patternLists.set(path, (list = patterns));
  }
  return list;
}

// Docker's patterns: `*`, `?`, `[...]`, `**`; no braces, extglobs or leading-`!` negation (the file's `!` is an exclusion)
const PATTERN_OPTIONS: picomatch.PicomatchOptions = { dot: true, nobrace: true, noextglob: true, nonegate: true };

/**
 * Whether the .dockerignore at `path` excludes a path of the context, as Docker's
 * patternmatcher decides: a pattern matches from the context's root (`foo` is `./foo` only, where
 * .gitignore's `foo` matches at any depth) the path or one of its parent folders, and the last pattern
 * that matches wins, an exclusion (`!`) re-including.
 */
function matcherOf(path: string): ((rel: string) => boolean) | undefined {
  if (!matchers.has(path)) {
    const patterns = patternsOf(path).map((p) => ({ exclusion: p.exclusion, test: picomatch(p.pattern, PATTERN_OPTIONS) }));
    matchers.set(path, patterns.length === 0 ? undefined : (rel) => {
      const parts = rel.split('/');
      let excluded = false;
      for (const p of patterns) {
        // a pattern can only exclude what is included, an exclusion only re-include what is excluded
        if (p.exclusion !== excluded) continue;
        let match = p.test(rel);
        for (let i = 1; !match && i < parts.length; i++) match = p.test(parts.slice(0, i).join('/'));
        if (match) excluded = !p.exclusion;
      }
      return excluded;
    });
  }
  return matchers.get(path);
}

function contextDockerignore(dir: string): string | undefined {
  if (!contextIgnoreFiles.has(dir)) {
    const path = join(dir, '.dockerignore');
    contextIgnoreFiles.set(dir, existsSync(path) ? path : undefined);
  }
  return contextIgnoreFiles.get(dir);
}

/**
 * The build context in `dir`. `explicit`: the directory was given (`--context DIR`) rather than
 * assumed from the Dockerfile's folder.
 */
export function loadContext(dir: string, dockerfilePath?: string, explicit = dockerfilePath === undefined): BuildContext {
  const key = `${dir}\0${dockerfilePath ?? ''}\0${explicit}`;
  let ctx = contexts.get(key);
  if (ctx) return ctx;
  // BuildKit prefers <Dockerfile>.dockerignore next to the Dockerfile
  const own = dockerfilePath ? `${dockerfilePath}.dockerignore` : undefined;
  const ignorePath = own !== undefined && existsSync(own) ? own : contextDockerignore(dir);
  const matcher = ignorePath ? matcherOf(ignorePath) : undefined;
  let files: string[] | undefined;
  let likely: DockerignoreSearch | undefined;
  ctx = {
    dir,
    likelyDockerignore: () => (likely ??= findDockerignore(dir, ignorePath, explicit ? undefined : dockerfilePath)),
    ignored: (path) => {
      const rel = path.replace(/^\.?\/+/, '');
      return rel !== '' && matcher !== undefined && matcher(rel);
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

function isRepositoryRoot(dir: string): boolean {
  let root = repositoryRoots.get(dir);
  if (root === undefined) repositoryRoots.set(dir, (root = existsSync(join(dir, '.git'))));
  return root;
}

export interface DockerignoreSearch {
  /** the .dockerignore a build would likely use, if one was found */
  path?: string;
  /** the context directory this assumes (where `path` is, or the context's own directory) */
  assumedDir: string;
  /** the context directory was not given: the Dockerfile's folder is a guess */
  guessed: boolean;
  /** the repository root (the folder with `.git`) above the Dockerfile, when one was found */
  repositoryRoot?: string;
}

/**
 * Where a build likely finds its .dockerignore, looking where BuildKit would:
 * `<Dockerfile>.dockerignore` beside the Dockerfile (read first), then the context directory's
 * `.dockerignore` (`inUse`: what loadContext found). `guessedFrom`: the Dockerfile's path when
 * the context was not given: its folder is then only a guess (`docker/Dockerfile` is often
 * built from the repository root), and the folders above it, up to the repository root, are
 * likely contexts too.
 */
function findDockerignore(dir: string, inUse: string | undefined, guessedFrom: string | undefined): DockerignoreSearch {
  const guessed = guessedFrom !== undefined;
  if (inUse !== undefined) return { path: inUse, assumedDir: dir, guessed };
  if (!guessed) return { assumedDir: dir, guessed };
  const candidates: string[] = [];
  for (let d = dir; ; d = dirname(d)) {
    candidates.push(d);
    if (isRepositoryRoot(d)) break;
    // no repository above: only the Dockerfile's folder is a likely context
    if (dirname(d) === d) return { assumedDir: dir, guessed };
  }
  for (const d of candidates.slice(1)) {
    const path = contextDockerignore(d);
    if (path !== undefined) return { path, assumedDir: d, guessed };
  }
  return { assumedDir: dir, guessed, repositoryRoot: candidates[candidates.length - 1]! };
}

/** `dir` as a message names it: relative to the repository root when there is one */
export function displayDir(dir: string, repositoryRoot?: string): string {
  if (repositoryRoot === undefined) return dir;
  const rel = relative(repositoryRoot, dir);
  return rel === '' ? 'the repository root' : `${rel}/`;
}
