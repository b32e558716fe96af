/**
 * Atomic writes (--fix, the --cache file): a temp file in the same folder, then rename. A
 * symlink is followed: its target is replaced and the link stays a link. An existing file
 * keeps its permissions, owner and group, and one without write permission is not written;
 * a new one gets the default (0666 less the umask). A failure is a WriteError whose message
 * says what is wrong without naming a temporary file; the caller names the user's file.
 */
import { accessSync, chmodSync, chownSync, constants, realpathSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export class WriteError extends Error {
  override name = 'WriteError';
}

export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const target = existingTarget(path);
  const dir = dirname(target);
  let old: Stats | undefined;
  try {
    old = statSync(target, { throwIfNoEntry: false });
  } catch (error) {
    throw new WriteError(describe(error as NodeJS.ErrnoException, 'create', dir));
  }
  if (old && !writable(target, old)) throw new WriteError('no write permission');
  const temp = join(dir, `.${basename(target)}.tslint-docker-${process.pid}-${Date.now()}.tmp`);
  let step: 'create' | 'owner' | 'rename' = 'create';
  try {
    writeFileSync(temp, content, { flag: 'wx', ...(old ? { mode: old.mode & 0o7777 } : {}) });
    if (old) {
      // the umask narrowed the mode of the new file; the owner and group are the writer's
      chmodSync(temp, old.mode & 0o7777);
      step = 'owner';
      const now = statSync(temp);
      if (now.uid !== old.uid || now.gid !== old.gid) {
        chownSync(temp, old.uid, old.gid);
        chmodSync(temp, old.mode & 0o7777); // chown clears set-id bits
      }
    }
    step = 'rename';
    renameSync(temp, target);
  } catch (error) {
    try {
      rmSync(temp, { force: true });
    } catch {
      // nothing was created (Node 24's rm throws ENOTDIR, not only ENOENT, for a folder that is a file)
    }
    throw new WriteError(describe(error as NodeJS.ErrnoException, step, dir));
  }
}

/** the file a path names, through symlinks; the path itself when it does not exist (yet) */
function existingTarget(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/**
 * Whether the file may be written: the system says so, and it has a write permission bit at
 * all (root may write anything, but a 0444 file is read-only on purpose).
 */
function writable(path: string, stats: Stats): boolean {
  if ((stats.mode & 0o222) === 0) return false;
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function describe(error: NodeJS.ErrnoException, step: 'create' | 'owner' | 'rename', dir: string): string {
  const code = error.code ?? 'error';
  if (code === 'EROFS') return 'the file system is read-only';
  if (step === 'owner') return `its owner and group cannot be kept (${code})`;
  if (code === 'EACCES' || code === 'EPERM') return `the folder ${dir} is not writable`;
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'no space left on the device';
  // Node's message names the syscall and the path (the temporary file's): keep what went wrong
  return error.message.replace(/, \w+ '[^']*'( -> '[^']*')?$/, '');
}
