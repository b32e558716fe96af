/**
 * The build context, when its directory is known (default: the Dockerfile's folder,
 * or `--context DIR`): which files exist and what `.dockerignore` excludes.
 * Read lazily and cached per context directory for the whole process.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
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
}

const contexts = new Map<string, BuildContext>();

export function loadContext(dir: string, dockerfilePath?: string): BuildContext {
  const key = `${dir}\0${dockerfilePath ?? ''}`;
  let ctx = contexts.get(key);
  if (ctx) return ctx;
  // BuildKit prefers <Dockerfile>.dockerignore next to the Dockerfile
  const candidates = [dockerfilePath ? `${dockerfilePath}.dockerignore` : undefined, join(dir, '.dockerignore')];
  const ignorePath = candidates.find((p): p is string => p !== undefined && existsSync(p));
  let matcher: Ignore | undefined;
  if (ignorePath) {
    try {
      matcher = ignore().add(readFileSync(ignorePath, 'utf8'));
    } catch {
      matcher = undefined;
    }
  }
  let files: string[] | undefined;
  ctx = {
    dir,
    ignored: (path) => {
      const rel = path.replace(/^\.?\/+/, '');
      return rel !== '' && matcher !== undefined && matcher.ignores(rel);
    },
    exists: (path) => existsSync(join(dir, path)),
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
