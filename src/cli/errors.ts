/** A problem with how the tool was called: one line on stderr, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

const IO_REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EMFILE: 'too many open files',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name is too long',
  EEXIST: 'a file is in the way',
};

/** Node's I/O error as a reason a user reads (`permission denied`), without its code and the absolute path it repeats. */
export function describeIoError(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  return (code !== undefined && IO_REASONS[code]) || String(message ?? error);
}
