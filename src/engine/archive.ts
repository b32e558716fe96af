import { createGzip } from 'node:zlib';
import { once } from 'node:events';
import { readTar } from './tar.ts';

/** Keep file bodies up to this size in memory: manifests and configs are JSON we must read. */
const SMALL_FILE_LIMIT = 1 << 20;

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
  const layerPaths = listLayerPaths((path) => entries.get(path)?.body);
  let total = 0;
  for (const path of new Set(layerPaths)) {
    const entry = entries.get(path);
    if (!entry) throw new Error(`image archive lists layer ${path} but does not contain it`);
    total += entry.storedBytes;
  }
  return total;
}

function parseJson(body: Buffer | undefined): unknown {
  if (!body) return undefined;
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

function blobPath(digest: unknown): string | undefined {
  if (typeof digest !== 'string') return undefined;
  const [algorithm, hex] = digest.split(':');
  return algorithm && hex ? `blobs/${algorithm}/${hex}` : undefined;
}

/**
 * The layer files of the first image in the archive, bottom layer first, from manifest.json
 * (docker) or index.json (OCI); `bodyOf` gives the bytes of the archive's small members.
 */
export function listLayerPaths(bodyOf: (path: string) => Buffer | undefined): string[] {
  const dockerManifest = parseJson(bodyOf('manifest.json'));
  if (Array.isArray(dockerManifest)) {
    const layers = (dockerManifest[0] as { Layers?: unknown } | undefined)?.Layers;
    if (Array.isArray(layers)) return layers.filter((layer): layer is string => typeof layer === 'string');
  }
  // OCI layout: follow index.json through nested indexes to the first image manifest
  let document = parseJson(bodyOf('index.json')) as { manifests?: { digest?: unknown }[]; layers?: { digest?: unknown }[] } | undefined;
  for (let depth = 0; document && depth < 4; depth++) {
    if (Array.isArray(document.layers)) {
      return document.layers.map((layer) => blobPath(layer.digest)).filter((path): path is string => path !== undefined);
    }
    const next = blobPath(document.manifests?.[0]?.digest);
    document = next ? (parseJson(bodyOf(next)) as typeof document) : undefined;
  }
  throw new Error('image archive has neither a docker manifest.json nor an OCI index.json with layers');
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

/** Every regular file of the archive with the bytes a registry would store for it. */
async function readTarEntries(archive: AsyncIterable<Buffer>): Promise<Map<string, ArchiveEntry>> {
  const entries = new Map<string, ArchiveEntry>();
  await readTar(archive, (header) => {
    if (header.type !== 'file') return undefined;
    const meter = new EntryMeter(header.size);
    return {
      write: (chunk) => meter.write(chunk),
      end: async () => {
        entries.set(header.path, await meter.finish());
      },
    };
  });
  return entries;
}
