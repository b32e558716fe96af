import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCommand } from './process.ts';

/**
 * Exports an image to an archive file with `exportArgs(path)` (for engines that cannot
 * stream one to stdout), reads it with `read`, and removes the file.
 */
export async function readExportedArchive<T>(
  program: string,
  exportArgs: (archivePath: string) => string[],
  read: (archive: AsyncIterable<Buffer>) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'tslint-docker-archive-'));
  try {
    const archivePath = join(dir, 'image.tar');
    const exported = await runCommand(program, exportArgs(archivePath));
    if (exported.code !== 0) throw new Error(`${program} could not export the image: ${exported.stderr.trim()}`);
    return await read(createReadStream(archivePath));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
