/**
 * What an image's filesystem holds at chosen paths: type, mode, owner, link target and a
 * hash of each file's bytes, read from a saved image archive (its layers applied in order,
 * whiteouts honoured; no container) or from the tar stream `docker cp` prints.
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { posix } from 'node:path';
import { createGunzip } from 'node:zlib';
import { listLayerPaths } from './archive.ts';
import { normalizeTarPath, readTar, TarParser, type TarEntrySink, type TarEntryType, type TarHeader } from './tar.ts';

export interface ImageFile {
  /** absolute, without a trailing slash */
  path: string;
  type: TarEntryType;
  /** permission bits with setuid, setgid and sticky */
  mode: number;
  uid: number;
  gid: number;
  size: number;
  /** symlink target as stored; for a hardlink whose target was not read, the target's absolute path */
  linkTarget?: string;
  /** hex sha256 of a regular file's bytes */
  sha256?: string;
  /** the bytes, when the selection asked for them */
  body?: Buffer;
}

/** Absolute path to file, for the selected paths and everything under the selected directories. */
export type ImageFiles = Map<string, ImageFile>;

export interface FileSelection {
  /** absolute paths; a directory selects its whole tree */
  paths: readonly string[];
  /** keep the bytes of regular files (for files that are read, such as package databases) */
  bodies?: boolean;
}

function isUnder(path: string, root: string): boolean {
  return root === '/' || path === root || path.startsWith(`${root}/`);
}

export function isSelected(path: string, selection: FileSelection): boolean {
  return selection.paths.some((root) => isUnder(path, posix.normalize(root).replace(/(.)\/$/, '$1')));
}

/** A sink that hashes (and maybe keeps) an entry's body and hands the finished file over. */
function fileSink(header: TarHeader, path: string, keepBody: boolean, done: (file: ImageFile) => void): TarEntrySink {
  const file: ImageFile = { path, type: header.type, mode: header.mode, uid: header.uid, gid: header.gid, size: header.size };
  if (header.linkTarget) file.linkTarget = header.linkTarget;
  const hash = header.type === 'file' ? createHash('sha256') : undefined;
  const chunks: Buffer[] | undefined = keepBody && hash ? [] : undefined;
  return {
    write: (chunk) => {
      hash?.update(chunk);
      chunks?.push(chunk);
    },
    end: () => {
      if (hash) file.sha256 = hash.digest('hex');
      if (chunks) file.body = Buffer.concat(chunks);
      done(file);
    },
  };
}

/** What one layer does to the selected paths. */
interface LayerChanges {
  /** selected entries, in archive order */
  files: ImageFile[];
  /** paths a whiteout (`.wh.NAME`) deletes from the layers below */
  deleted: string[];
  /** directories whose lower content an opaque whiteout (`.wh..wh..opq`) hides */
  opaque: string[];
}

function layerSink(selection: FileSelection): { sink: TarEntrySink; changes: LayerChanges } {
  const changes: LayerChanges = { files: [], deleted: [], opaque: [] };
  const parser = new TarParser((header) => {
    const path = `/${header.path}`;
    const base = posix.basename(path);
    if (base.startsWith('.wh.')) {
      const dir = posix.dirname(path);
      if (base === '.wh..wh..opq') changes.opaque.push(dir);
      else changes.deleted.push(posix.join(dir, base.slice(4)));
      return undefined;
    }
    if (!isSelected(path, selection)) return undefined;
    if (header.type === 'hardlink') header.linkTarget = `/${normalizeTarPath(header.linkTarget)}`;
    return fileSink(header, path, selection.bodies ?? false, (file) => changes.files.push(file));
  });
  return { sink: { write: (chunk) => parser.push(chunk), end: () => parser.end() }, changes };
}

/** Decompresses a gzipped body into another sink, keeping the order of its chunks. */
function gunzipInto(target: TarEntrySink): TarEntrySink {
  const gunzip = createGunzip();
  let chain: Promise<void> = Promise.resolve();
  let failure: unknown;
  gunzip.on('data', (chunk: Buffer) => {
    chain = chain.then(() => target.write(chunk));
  });
  gunzip.on('error', (error) => (failure = error));
  return {
    write: async (chunk) => {
      if (failure) throw failure;
      if (!gunzip.write(chunk)) await once(gunzip, 'drain');
    },
    end: async () => {
      const ended = once(gunzip, 'end');
      gunzip.end();
      await ended;
      await chain;
      await target.end();
    },
  };
}

const JSON_LIMIT = 1 << 20;
const BLOCK = 512;

/**
 * An archive member is a layer when it is gzipped or a tar (the ustar magic, or an empty
 * tar's zero block); anything else (manifests, configs) is kept when small enough to be JSON.
 * Decides on the first 512 bytes, then streams the rest where it belongs.
 */
function sniffingSink(size: number, asLayer: (gzipped: boolean) => TarEntrySink, asSmall: (body: Buffer) => void): TarEntrySink {
  const head: Buffer[] = [];
  let headBytes = 0;
  let target: TarEntrySink | undefined;
  const chosen = (): TarEntrySink => {
    const start = Buffer.concat(head);
    if (start[0] === 0x1f && start[1] === 0x8b) return asLayer(true);
    const tar = start.length >= BLOCK && (start.toString('latin1', 257, 262) === 'ustar' || start.subarray(0, BLOCK).every((b) => b === 0));
    if (tar) return asLayer(false);
    const body: Buffer[] = [];
    return size > JSON_LIMIT
      ? { write: () => undefined, end: () => undefined }
      : { write: (chunk) => void body.push(chunk), end: () => asSmall(Buffer.concat(body)) };
  };
  const decide = async (): Promise<void> => {
    target = chosen();
    for (const chunk of head) await target.write(chunk);
  };
  return {
    write: async (chunk) => {
      if (target) return target.write(chunk);
      head.push(chunk);
      headBytes += chunk.length;
      if (headBytes >= BLOCK) await decide();
    },
    end: async () => {
      if (!target) await decide();
      await target!.end();
    },
  };
}

function removeTree(files: ImageFiles, root: string, keepRoot: boolean): void {
  for (const path of files.keys()) if (path.startsWith(`${root}/`) || (!keepRoot && path === root)) files.delete(path);
}

/** Applies layers bottom-up: each layer's whiteouts remove lower content, then its entries land. */
function applyLayers(layers: readonly LayerChanges[]): ImageFiles {
  const files: ImageFiles = new Map();
  for (const layer of layers) {
    for (const dir of layer.opaque) removeTree(files, dir, true);
    for (const path of layer.deleted) removeTree(files, path, false);
    for (const file of layer.files) {
      const below = files.get(file.path);
      // a file or link replacing a directory hides everything the directory held
      if (below?.type === 'directory' && file.type !== 'directory') removeTree(files, file.path, true);
      files.set(file.path, resolveHardlink(file, files));
    }
  }
  return files;
}

/** A hardlink is the file it links to: compare it by that file's bytes when they were read. */
function resolveHardlink(file: ImageFile, files: ImageFiles): ImageFile {
  if (file.type !== 'hardlink' || !file.linkTarget) return file;
  const target = files.get(file.linkTarget);
  if (!target || target.type !== 'file') return file;
  return { ...target, path: file.path, mode: file.mode, uid: file.uid, gid: file.gid };
}

/**
 * The selected paths of the image in a saved archive (`docker save`, an OCI archive from
 * `buildah push` or `podman save`), layers gzipped or not. Reads the stream once.
 */
export async function readImageArchive(archive: AsyncIterable<Buffer>, selection: FileSelection): Promise<ImageFiles> {
  const small = new Map<string, Buffer>();
  const layers = new Map<string, LayerChanges>();
  await readTar(archive, (header) => {
    if (header.type !== 'file') return undefined;
    return sniffingSink(
      header.size,
      (gzipped) => {
        const { sink, changes } = layerSink(selection);
        layers.set(header.path, changes);
        return gzipped ? gunzipInto(sink) : sink;
      },
      (body) => small.set(header.path, body),
    );
  });
  const ordered = listLayerPaths((path) => small.get(path)).map((path) => {
    const layer = layers.get(path);
    if (!layer) throw new Error(`image archive lists layer ${path} but does not contain it`);
    return layer;
  });
  return applyLayers(ordered);
}

/**
 * The files in the tar stream `docker cp CONTAINER:PATH -` (or `podman cp`) prints for one
 * absolute `path`: its entries are named from the path's last component on.
 */
export async function readCopiedPath(stream: AsyncIterable<Buffer>, path: string, options: { bodies?: boolean } = {}): Promise<ImageFiles> {
  const files: ImageFile[] = [];
  const parent = posix.dirname(posix.normalize(path));
  await readTar(stream, (header) => {
    const full = posix.join(parent, header.path);
    if (header.type === 'hardlink') header.linkTarget = posix.join(parent, normalizeTarPath(header.linkTarget));
    return fileSink(header, full, options.bodies ?? false, (file) => files.push(file));
  });
  return applyLayers([{ files, deleted: [], opaque: [] }]);
}

export type FileChange = 'removed' | 'added' | 'type' | 'content' | 'link' | 'mode' | 'owner';

export interface FileDifference {
  path: string;
  change: FileChange;
}

/**
 * Every way `after` differs from `before`, path by path (sorted): what exists in one only,
 * and for paths in both a change of type, bytes, link target, mode or owner. Times are not
 * compared: a rebuilt file always gets a new one.
 */
export function diffFiles(before: ImageFiles, after: ImageFiles): FileDifference[] {
  const differences: FileDifference[] = [];
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort();
  for (const path of paths) {
    const a = before.get(path);
    const b = after.get(path);
    if (!a || !b) {
      differences.push({ path, change: a ? 'removed' : 'added' });
      continue;
    }
    if (a.type !== b.type) {
      differences.push({ path, change: 'type' });
      continue;
    }
    if (a.sha256 !== b.sha256 || a.size !== b.size) differences.push({ path, change: 'content' });
    if ((a.linkTarget ?? '') !== (b.linkTarget ?? '')) differences.push({ path, change: 'link' });
    if (a.mode !== b.mode) differences.push({ path, change: 'mode' });
    if (a.uid !== b.uid || a.gid !== b.gid) differences.push({ path, change: 'owner' });
  }
  return differences;
}
