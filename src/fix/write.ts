/**
 * Atomic writes (--fix, the --cache file): a temp file in the same folder, then rename. An
 * existing file keeps its permissions; a new one gets the default (0666 less the umask).
 */
import { chmodSync, existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const mode = existsSync(path) ? statSync(path).mode & 0o7777 : undefined;
  const temp = join(dirname(path), `.${basename(path)}.tslint-docker-${process.pid}-${Date.now()}.tmp`);
  try {
    if (mode === undefined) {
      writeFileSync(temp, content);
    } else {
      writeFileSync(temp, content, { mode });
      chmodSync(temp, mode);
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
