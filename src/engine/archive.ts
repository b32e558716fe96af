import { createGzip } from 'node:zlib';
import { once } from 'node:events';

/** Keep file bodies up to this size in memory: manifests and configs are JSON we must read. */
const SMALL_FILE_LIMIT = 1 << 20;
const BLOCK = 512;

interface ArchiveEntry {
  /** bytes the entry would take on a registry: its gzip size, or its own size when already gzipped */
  storedBytes: number;
  /** body, kept only for small entries */
  body?: Buffer;
}

/**
 * Measures the bytes a registry would store for an image archive (`docker save`, or an
 * OCI archive from `buildah push`): every layer tar gzipped at zlib's default level, as
 * `docker push` does, summed. Reads the archive as a stream so big images need no temp space.
 */
export async function measureCompressedLayers(archive: AsyncIterable<Buffer>): Promise<number> {
  const entries = await readTarEntries(archive);
  const layerPaths = listLayerPaths(entries);
  let total = 0;
  for (const path of new Set(layerPaths)) {
    const entry = entries.get(path);
    if (!entry) throw new Error(`image archive lists layer ${path} but does not contain it`);
    total += entry.storedBytes;
  }
  return total;
}

function parseJson(entry: ArchiveEntry | undefined): unknown {
  if (!entry?.body) return undefined;
  try {
    return JSON.parse(entry.body.toString('utf8'));
  } catch {
    return undefined;
  }
}

function blobPath(digest: unknown): string | undefined {
  if (typeof digest !== 'string') return undefined;
  const [algorithm, hex] = digest.split(':');
  return algorithm && hex ? `blobs/${algorithm}/${hex}` : undefined;
}

/** The layer files of the first image in the archive, from manifest.json (docker) or index.json (OCI). */
function listLayerPaths(entries: Map<string, ArchiveEntry>): string[] {
  const dockerManifest = parseJson(entries.get('manifest.json'));
  if (Array.isArray(dockerManifest)) {
    const layers = (dockerManifest[0] as { Layers?: unknown } | undefined)?.Layers;
    if (Array.isArray(layers)) return layers.filter((layer): layer is string => typeof layer === 'string');
  }
  // OCI layout: follow index.json through nested indexes to the first image manifest
  let document = parseJson(entries.get('index.json')) as { manifests?: { digest?: unknown }[]; layers?: { digest?: unknown }[] } | undefined;
  for (let depth = 0; document && depth < 4; depth++) {
    if (Array.isArray(document.layers)) {
      return document.layers.map((layer) => blobPath(layer.digest)).filter((path): path is string => path !== undefined);
    }
    const next = blobPath(document.manifests?.[0]?.digest);
    document = next ? (parseJson(entries.get(next)) as typeof document) : undefined;
  }
  throw new Error('image archive has neither a docker manifest.json nor an OCI index.json with layers');
}

function readOctal(header: Buffer, start: number, length: number): number {
  // GNU base-256 encoding for sizes over 8 GiB: high bit of the first byte set
  if ((header[start]! & 0x80) !== 0) {
    let value = header[start]! & 0x7f;
    for (let i = start + 1; i < start + length; i++) value = value * 256 + header[i]!;
    return value;
  }
  const text = header.toString('latin1', start, start + length).replace(/\0.*$/s, '').trim();
  return text ? parseInt(text, 8) : 0;
}

function readString(header: Buffer, start: number, length: number): string {
  const end = header.indexOf(0, start);
  return header.toString('utf8', start, end === -1 || end > start + length ? start + length : end);
}

function parsePaxPath(body: Buffer): string | undefined {
  // records are "<length> <key>=<value>\n"
  let offset = 0;
  while (offset < body.length) {
    const space = body.indexOf(0x20, offset);
    if (space === -1) break;
    const length = parseInt(body.toString('latin1', offset, space), 10);
    if (!Number.isFinite(length) || length <= 0) break;
    const record = body.toString('utf8', space + 1, offset + length - 1);
    if (record.startsWith('path=')) return record.slice(5);
    offset += length;
  }
  return undefined;
}

function normalizePath(path: string): string {
  return path.replace(/^\.\//, '').replace(/^\/+/, '');
}

/** Counts the gzip size of one entry's body while it streams past. */
class EntryMeter {
  private readonly gzip = createGzip();
  private gzipBytes = 0;
  private rawBytes = 0;
  private alreadyGzipped: boolean | undefined;
  private readonly smallChunks: Buffer[] | undefined;

  constructor(size: number) {
    this.gzip.on('data', (chunk: Buffer) => (this.gzipBytes += chunk.length));
    this.smallChunks = size <= SMALL_FILE_LIMIT ? [] : undefined;
  }

  async write(chunk: Buffer): Promise<void> {
    if (this.alreadyGzipped === undefined) this.alreadyGzipped = chunk.length >= 2 && chunk[0] === 0x1f && chunk[1] === 0x8b;
    this.rawBytes += chunk.length;
    this.smallChunks?.push(chunk);
    if (this.alreadyGzipped) return;
    if (!this.gzip.write(chunk)) await once(this.gzip, 'drain');
  }

  async finish(): Promise<ArchiveEntry> {
    const ended = once(this.gzip, 'end');
    this.gzip.end();
    await ended;
    const storedBytes = this.alreadyGzipped ? this.rawBytes : this.gzipBytes;
    return this.smallChunks ? { storedBytes, body: Buffer.concat(this.smallChunks) } : { storedBytes };
  }
}

/** A minimal streaming ustar/pax/GNU reader: regular files only, which is all an image archive holds. */
async function readTarEntries(archive: AsyncIterable<Buffer>): Promise<Map<string, ArchiveEntry>> {
  const entries = new Map<string, ArchiveEntry>();
  let pending: Buffer = Buffer.alloc(0);
  // state of the entry whose body is streaming
  let bodyLeft = 0;
  let paddingLeft = 0;
  let meter: EntryMeter | undefined;
  let metaChunks: Buffer[] | undefined; // body of a pax/GNU long-name header
  let metaKind = '';
  let entryName = '';
  let nextName: string | undefined;
  let ended = false;

  const closeEntry = async (): Promise<void> => {
    if (meter) entries.set(entryName, await meter.finish());
    if (metaChunks) {
      const body = Buffer.concat(metaChunks);
      nextName = metaKind === 'L' ? body.toString('utf8').replace(/\0+$/, '') : (parsePaxPath(body) ?? nextName);
    }
    meter = undefined;
    metaChunks = undefined;
  };

  for await (const chunk of archive) {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    while (!ended) {
      if (bodyLeft > 0) {
        if (pending.length === 0) break;
        const piece = pending.subarray(0, Math.min(bodyLeft, pending.length));
        pending = pending.subarray(piece.length);
        bodyLeft -= piece.length;
        if (meter) await meter.write(piece);
        metaChunks?.push(piece);
        if (bodyLeft === 0) await closeEntry();
        continue;
      }
      if (paddingLeft > 0) {
        const skip = Math.min(paddingLeft, pending.length);
        pending = pending.subarray(skip);
        paddingLeft -= skip;
        if (paddingLeft > 0) break;
        continue;
      }
      if (pending.length < BLOCK) break;
      const header = pending.subarray(0, BLOCK);
      pending = pending.subarray(BLOCK);
      if (header.every((byte) => byte === 0)) {
        ended = true;
        break;
      }
      const size = readOctal(header, 124, 12);
      const type = String.fromCharCode(header[156] || 0x30);
      const prefix = header.toString('latin1', 257, 262) === 'ustar' ? readString(header, 345, 155) : '';
      const headerName = prefix ? `${prefix}/${readString(header, 0, 100)}` : readString(header, 0, 100);
      bodyLeft = size;
      paddingLeft = (BLOCK - (size % BLOCK)) % BLOCK;
      if (type === 'x' || type === 'L') {
        metaKind = type;
        metaChunks = [];
      } else if (type === '0' || type === '7') {
        entryName = normalizePath(nextName ?? headerName);
        nextName = undefined;
        meter = new EntryMeter(size);
      } else {
        // directories, links, global pax headers: nothing to measure
        if (type !== 'g') nextName = undefined;
      }
      if (size === 0) await closeEntry();
    }
    if (ended) break;
  }
  if (bodyLeft > 0 && meter) throw new Error('image archive ended in the middle of a file');
  return entries;
}
