/**
 * Which files to lint: explicit files, directories (walked), globs, or with no
 * argument every Dockerfile under the working directory. Walks skip `.git`,
 * `node_modules` and what `.gitignore` files exclude.
 */
import { existsSync, readFileSync, readdirSync, statSync, type Stats } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { describeIoError, UsageError } from './errors.ts';

/** Dockerfile, Dockerfile.*, *.Dockerfile, *.dockerfile, Containerfile (and Containerfile.*) */
export function isDockerfileName(name: string): boolean {
  return /^(Dockerfile|Containerfile)(\..+)?$/.test(name) || /.\.(Dockerfile|dockerfile)$/.test(name);
}

const GLOB_CHARS = /[*?[\]{}]/;

export async function findFiles(args: readonly string[], cwd: string): Promise<string[]> {
  const found: string[] = [];
  const seen = new Set<string>();
  const add = (path: string) => {
    const abs = resolve(cwd, path);
    if (seen.has(abs)) return;
    seen.add(abs);
    found.push(path);
  };
  if (args.length === 0) {
    const files = walk(cwd, cwd, () => true);
    if (files.length === 0) throw new UsageError(`no Dockerfiles found under ${cwd}: pass files or a directory to lint`);
    files.forEach(add);
    return found;
  }
  for (const arg of args) {
    if (arg === '-') { add('-'); continue; }
    const abs = resolve(cwd, arg);
    const stat = statOrUndefined(abs, arg);
    if (stat !== undefined) {
      if (stat.isDirectory()) {
        const files = walk(abs, cwd, () => true);
        if (files.length === 0) throw new UsageError(`no Dockerfiles found in directory ${arg}: name them Dockerfile, *.Dockerfile or Containerfile, or pass the files`);
        files.forEach(add);
      } else add(arg);
      continue;
    }
    if (GLOB_CHARS.test(arg)) {
      const base = arg.split('/').findIndex((part) => GLOB_CHARS.test(part));
      const baseDir = resolve(cwd, arg.split('/').slice(0, base).join('/') || '.');
      // picomatch only for globs: a plain call should not pay for loading it
      const { default: picomatch } = await import('picomatch');
      const isMatch = picomatch(resolve(cwd, arg).split(sep).join('/'), { dot: true });
      const files = existsSync(baseDir) ? walk(baseDir, cwd, (p) => isMatch(resolve(cwd, p).split(sep).join('/')), true) : [];
      if (files.length === 0) throw new UsageError(`no files match ${arg}`);
      files.forEach(add);
      continue;
    }
    throw new UsageError(`no such file or directory: ${arg}`);
  }
  return found;
}

/**
 * What existsSync + statSync told, in one call (a batch names thousands of files): undefined when
 * nothing is there; a path that is there but cannot be read is the user's to fix.
 */
function statOrUndefined(path: string, given: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw new UsageError(`cannot read ${given}: ${describeIoError(error)}`);
  }
}

function readGitignore(path: string, cwd: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${relative(cwd, path)}: ${describeIoError(error)}`);
  }
}

/** paths relative to cwd, sorted, of Dockerfiles (or any file the glob takes) under dir */
function walk(dir: string, cwd: string, accept: (relPath: string) => boolean, anyName = false): string[] {
  const out: string[] = [];
  const visit = (current: string, ignores: { base: string; ig: Ignore }[]) => {
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      return;
    }
    const gitignore = join(current, '.gitignore');
    const here = existsSync(gitignore) ? [...ignores, { base: current, ig: ignore().add(readGitignore(gitignore, cwd)) }] : ignores;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name === '.git' || entry.name === 'node_modules') continue;
      const full = join(current, entry.name);
      const isDir = entry.isDirectory();
      if (here.some(({ base, ig }) => ig.ignores(relative(base, full).split(sep).join('/') + (isDir ? '/' : '')))) continue;
      if (isDir) visit(full, here);
      else if (entry.isFile() && (anyName || isDockerfileName(entry.name))) {
        const rel = relative(cwd, full) || entry.name;
        if (accept(rel)) out.push(rel);
      }
    }
  };
  visit(dir, []);
  return out;
}
