import { createGunzip, createGzip } from 'node:zlib';
import { once } from 'node:events';
import { readTar, type TarEntrySink } from './tar.ts';

/** Keep file bodies up to this size in memory: manifests and configs are JSON we must read. */
const SMALL_FILE_LIMIT = 1 << 20;
const BLOCK = 512;

/** One entry of the image config's history, oldest first: the non-empty ones pair with the layers in order. */
export interface ArchiveHistoryEntry {
  createdBy: string;
  emptyLayer: boolean;
}

export interface ArchiveReadOptions {
  /** gzip every layer to count the bytes a registry would store (costs a core for the length of the archive) */
  measure?: boolean;
  /** a sink for each layer's tar stream, uncompressed, by the layer's path in the archive */
  onLayer?: (path: string) => TarEntrySink;
}

export interface ArchiveReading {
  /** the layers' paths in the archive, bottom layer first */
  layerPaths: string[];
  /** what a registry would store for the layers; 0 unless measured */
  compressedBytes: number;
  /** the image config's history */
  history: ArchiveHistoryEntry[];
}

/**
 * Reads an image archive (`docker save`, or an OCI archive from `buildah push` or `podman save`)
 * as one stream: each layer gzipped at zlib's default level, as `docker push` does, when
 * measuring, and handed to `onLayer` as a tar stream; manifests and config are read for the
 * layer order and the history. Big images need neither temp space nor a second pass.
 */
export async function streamImageArchive(archive: AsyncIterable<Buffer>, options: ArchiveReadOptions): Promise<ArchiveReading> {
  const small = new Map<string, Buffer>();
  const stored = new Map<string, number>();
  await readTar(archive, (header) => {
    if (header.type !== 'file') return undefined;
    return memberSink(header.size, options, (result) => {
      if (result.body) small.set(header.path, result.body);
      stored.set(header.path, result.storedBytes);
    }, options.onLayer && (() => options.onLayer!(header.path)));
  });
  const bodyOf = (path: string) => small.get(path);
  const manifest = readManifest(bodyOf);
  let compressedBytes = 0;
  for (const path of new Set(manifest.layerPaths)) {
    const bytes = stored.get(path);
    if (bytes === undefined) throw new Error(`image archive lists layer ${path} but does not contain it`);
    compressedBytes += bytes;
  }
  return { layerPaths: manifest.layerPaths, compressedBytes, history: historyOf(parseJson(manifest.configPath ? bodyOf(manifest.configPath) : undefined)) };
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
 * The layer files of the first image in the archive, bottom layer first, and its config file,
 * from manifest.json (docker) or index.json (OCI); `bodyOf` gives the bytes of the archive's small members.
 */
export function readManifest(bodyOf: (path: string) => Buffer | undefined): { layerPaths: string[]; configPath?: string } {
  const dockerManifest = parseJson(bodyOf('manifest.json'));
  if (Array.isArray(dockerManifest)) {
    const image = dockerManifest[0] as { Layers?: unknown; Config?: unknown } | undefined;
    if (Array.isArray(image?.Layers)) {
      const layerPaths = image.Layers.filter((layer): layer is string => typeof layer === 'string');
      return typeof image.Config === 'string' ? { layerPaths, configPath: image.Config } : { layerPaths };
    }
  }
  // OCI layout: follow index.json through nested indexes to the first image manifest
  type Document = { manifests?: { digest?: unknown }[]; layers?: { digest?: unknown }[]; config?: { digest?: unknown } };
  let document = parseJson(bodyOf('index.json')) as Document | undefined;
  for (let depth = 0; document && depth < 4; depth++) {
    if (Array.isArray(document.layers)) {
      const layerPaths = document.layers.map((layer) => blobPath(layer.digest)).filter((path): path is string => path !== undefined);
      const configPath = blobPath(document.config?.digest);
      return configPath ? { layerPaths, configPath } : { layerPaths };
    }
    const next = blobPath(document.manifests?.[0]?.digest);
    document = next ? (parseJson(bodyOf(next)) as Document | undefined) : undefined;
  }
  throw new Error('image archive has neither a docker manifest.json nor an OCI index.json with layers');
}

function historyOf(config: unknown): ArchiveHistoryEntry[] {
  const history = (config as { history?: unknown } | undefined)?.history;
  if (!Array.isArray(history)) return [];
  return history.map((entry: { created_by?: unknown; empty_layer?: unknown } | null) => ({
    createdBy: typeof entry?.created_by === 'string' ? entry.created_by : '',
    emptyLayer: entry?.empty_layer === true,
  }));
}

interface MemberResult {
  /** bytes the member would take on a registry: its gzip size, or its own size when already gzipped; 0 unless measured */
  storedBytes: number;
  /** body, kept only for small members */
  body?: Buffer;
}

/**
 * One archive member: gzipped to count its stored size (when measuring), kept when small
 * enough to be JSON, and, when it is a layer (gzipped, or a tar: the ustar magic or an empty
 * tar's zero block, decided on its first 512 bytes), streamed to the layer's sink.
 */
function memberSink(size: number, options: ArchiveReadOptions, done: (result: MemberResult) => void, layerSink: (() => TarEntrySink) | undefined): TarEntrySink {
  const gzip = options.measure ? createGzip() : undefined;
  let gzipBytes = 0;
  gzip?.on('data', (chunk: Buffer) => (gzipBytes += chunk.length));
  let rawBytes = 0;
  const smallChunks: Buffer[] | undefined = size <= SMALL_FILE_LIMIT ? [] : undefined;
  const head: Buffer[] = [];
  let headBytes = 0;
  let gzipped: boolean | undefined;
  let layer: TarEntrySink | null | undefined = layerSink ? undefined : null;
  const decide = async (): Promise<void> => {
    const start = Buffer.concat(head);
    const tar = start.length >= BLOCK && (start.toString('latin1', 257, 262) === 'ustar' || start.subarray(0, BLOCK).every((b) => b === 0));
    layer = gzipped ? gunzipInto(layerSink!()) : tar ? layerSink!() : null;
    for (const chunk of head) await layer?.write(chunk);
  };
  return {
    write: async (chunk) => {
      gzipped ??= chunk.length >= 2 && chunk[0] === 0x1f && chunk[1] === 0x8b;
      rawBytes += chunk.length;
      smallChunks?.push(chunk);
      if (gzip && !gzipped && !gzip.write(chunk)) await once(gzip, 'drain');
      if (layer) await layer.write(chunk);
      else if (layer === undefined) {
        head.push(chunk);
        headBytes += chunk.length;
        if (headBytes >= BLOCK) await decide();
      }
    },
    end: async () => {
      if (layer === undefined) await decide();
      await layer?.end();
      if (gzip) {
        const ended = once(gzip, 'end');
        gzip.end();
        await ended;
      }
      const storedBytes = !gzip ? 0 : gzipped ? rawBytes : gzipBytes;
      done(smallChunks ? { storedBytes, body: Buffer.concat(smallChunks) } : { storedBytes });
    },
  };
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
