/**
 * What an image's filesystem holds at chosen paths: type, mode, owner, link target and a
 * hash of each file's bytes, read from a saved image archive (its layers applied in order,
 * whiteouts honoured; no container) or from the tar stream `docker cp` prints; and what each
 * layer of a saved archive writes, to see what later layers hide.
 */
import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import { streamImageArchive, type ArchiveHistoryEntry } from './archive.ts';
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
  /** keep the bytes of regular files (for files that are read, such as package databases): all selected, or these paths only */
  bodies?: boolean | readonly string[];
}

function keepsBody(path: string, bodies: FileSelection['bodies']): boolean {
  return Array.isArray(bodies) ? bodies.includes(path) : bodies === true;
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

/** What one layer does to an image's paths. */
export interface LayerChanges<T> {
  /** entries, in archive order */
  files: T[];
  /** paths a whiteout (`.wh.NAME`) deletes from the layers below */
  deleted: string[];
  /** directories whose lower content an opaque whiteout (`.wh..wh..opq`) hides */
  opaque: string[];
}

/** An entry of a layer as a listing keeps it: what it is and how many bytes it writes. */
export interface LayerEntry {
  path: string;
  type: TarEntryType;
  size: number;
}

/** Reads one layer: the selected entries as files, every entry into `listing` when given, the whiteouts. */
function layerSink(selection: FileSelection, listing: LayerEntry[] | undefined): { sink: TarEntrySink; changes: LayerChanges<ImageFile> } {
  const changes: LayerChanges<ImageFile> = { files: [], deleted: [], opaque: [] };
  const parser = new TarParser((header) => {
    const path = `/${header.path}`;
    const base = posix.basename(path);
    if (base.startsWith('.wh.')) {
      const dir = posix.dirname(path);
      if (base === '.wh..wh..opq') changes.opaque.push(dir);
      else changes.deleted.push(posix.join(dir, base.slice(4)));
      return undefined;
    }
    listing?.push({ path, type: header.type, size: header.size });
    if (!isSelected(path, selection)) return undefined;
    if (header.type === 'hardlink') header.linkTarget = `/${normalizeTarPath(header.linkTarget)}`;
    return fileSink(header, path, keepsBody(path, selection.bodies), (file) => changes.files.push(file));
  });
  return { sink: { write: (chunk) => parser.push(chunk), end: () => parser.end() }, changes };
}

export interface StackOptions<T> {
  /** what lands for an entry, given the files so far (a hardlink becomes its target) */
  place?: (entry: T, files: ReadonlyMap<string, T>) => T;
  /** hears of each entry a later layer deletes (a whiteout, an opaque directory, a tree replaced by a file) or writes again: the layer that wrote it and the one that hid it (0 = bottom) */
  onHidden?: (entry: T, writtenBy: number, hiddenBy: number, how: 'deleted' | 'overwritten') => void;
}

/**
 * Applies layers bottom-up, as overlay filesystems do: each layer's opaque whiteouts empty
 * their directories, its whiteouts delete paths with their trees, then its entries land (a
 * non-directory replacing a directory hides the directory's tree). Linear in the entries: a
 * directory's children are indexed, so a deleted tree is walked once.
 */
export function stackLayers<T extends { path: string; type: TarEntryType }>(layers: readonly LayerChanges<T>[], options: StackOptions<T> = {}): Map<string, T> {
  const files = new Map<string, T>();
  const writtenBy = new Map<string, number>();
  const children = new Map<string, Set<string>>();
  let layer = 0;
  const hide = (path: string): void => {
    const entry = files.get(path);
    if (entry) {
      files.delete(path);
      options.onHidden?.(entry, writtenBy.get(path)!, layer, 'deleted');
    }
    hideTree(path);
  };
  const hideTree = (dir: string): void => {
    const below = children.get(dir);
    if (!below) return;
    children.delete(dir);
    for (const path of below) hide(path);
  };
  for (; layer < layers.length; layer++) {
    const changes = layers[layer]!;
    for (const dir of changes.opaque) hideTree(dir);
    for (const path of changes.deleted) {
      children.get(posix.dirname(path))?.delete(path);
      hide(path);
    }
    for (const file of changes.files) {
      const below = files.get(file.path);
      if (below) {
        if (below.type === 'directory' && file.type !== 'directory') hideTree(file.path);
        options.onHidden?.(below, writtenBy.get(file.path)!, layer, 'overwritten');
      } else {
        const parent = posix.dirname(file.path);
        let siblings = children.get(parent);
        if (!siblings) children.set(parent, (siblings = new Set()));
        siblings.add(file.path);
      }
      files.set(file.path, options.place ? options.place(file, files) : file);
      writtenBy.set(file.path, layer);
    }
  }
  return files;
}

/** A hardlink is the file it links to: compare it by that file's bytes when they were read. */
function resolveHardlink(file: ImageFile, files: ReadonlyMap<string, ImageFile>): ImageFile {
  if (file.type !== 'hardlink' || !file.linkTarget) return file;
  const target = files.get(file.linkTarget);
  if (!target || target.type !== 'file') return file;
  return { ...target, path: file.path, mode: file.mode, uid: file.uid, gid: file.gid };
}

export interface ImageArchiveScan {
  /** the selected paths */
  files: ImageFiles;
  /** with `list`: every entry of every layer and its whiteouts, bottom layer first; else empty */
  layers: LayerChanges<LayerEntry>[];
  /** with `measure`: the bytes a registry would store for the layers; else 0 */
  compressedBytes: number;
  /** the image config's history (its non-empty entries pair with `layers` in order) */
  history: ArchiveHistoryEntry[];
}

/**
 * Everything verify reads from a saved image archive (`docker save`, an OCI archive from
 * `buildah push` or `podman save`), layers gzipped or not, in one pass over the stream: the
 * selected files, every layer's listing (`list`), the compressed size (`measure`).
 */
export async function scanImageArchive(archive: AsyncIterable<Buffer>, options: { selection: FileSelection; list?: boolean; measure?: boolean }): Promise<ImageArchiveScan> {
  const read = new Map<string, { changes: LayerChanges<ImageFile>; listing: LayerEntry[] | undefined }>();
  const reading = await streamImageArchive(archive, {
    measure: options.measure ?? false,
    onLayer: (path) => {
      const listing = options.list ? [] : undefined;
      const { sink, changes } = layerSink(options.selection, listing);
      read.set(path, { changes, listing });
      return sink;
    },
  });
  const ordered = reading.layerPaths.map((path) => {
    const layer = read.get(path);
    if (!layer) throw new Error(`image archive lists layer ${path} but does not contain it`);
    return layer;
  });
  return {
    files: stackLayers(ordered.map((layer) => layer.changes), { place: resolveHardlink }),
    layers: options.list ? ordered.map(({ changes, listing }) => ({ files: listing!, deleted: changes.deleted, opaque: changes.opaque })) : [],
    compressedBytes: reading.compressedBytes,
    history: reading.history,
  };
}

/** The selected paths of the image in a saved archive. Reads the stream once. */
export async function readImageArchive(archive: AsyncIterable<Buffer>, selection: FileSelection): Promise<ImageFiles> {
  return (await scanImageArchive(archive, { selection })).files;
}

/**
 * The files in the tar stream `docker cp CONTAINER:PATH -` (or `podman cp`) prints for one
 * absolute `path`: its entries are named from the path's last component on.
 */
export async function readCopiedPath(stream: AsyncIterable<Buffer>, path: string, options: Pick<FileSelection, 'bodies'> = {}): Promise<ImageFiles> {
  const files: ImageFile[] = [];
  const parent = posix.dirname(posix.normalize(path));
  await readTar(stream, (header) => {
    const full = posix.join(parent, header.path);
    if (header.type === 'hardlink') header.linkTarget = posix.join(parent, normalizeTarPath(header.linkTarget));
    return fileSink(header, full, keepsBody(full, options.bodies), (file) => files.push(file));
  });
  return stackLayers([{ files, deleted: [], opaque: [] }], { place: resolveHardlink });
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
