import { imageConfigOf } from './image-config.ts';
import type { ImagePlatform } from './platform.ts';
import type { HistoryEntry, ImageFacts, StoredImage } from './types.ts';

const INSTRUCTIONS = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'HEALTHCHECK', 'LABEL', 'MAINTAINER',
  'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);

/**
 * The Dockerfile instruction a history entry records. Engines write `created_by` as
 * `RUN /bin/sh -c ... # buildkit` or `COPY . . # buildkit` (BuildKit),
 * `/bin/sh -c #(nop) COPY file:... in /x` for metadata and copies (classic builder, Buildah),
 * and the bare command for RUN (`/bin/sh -c apt-get ...`, `|1 A=b /bin/sh -c ...`, exec form).
 */
export function instructionOfHistory(createdBy: string): string {
  const nop = /#\(nop\)\s+([A-Za-z]+)/.exec(createdBy);
  if (nop) return nop[1]!.toUpperCase();
  const leading = /^\s*([A-Z]+)\s/.exec(createdBy);
  if (leading && INSTRUCTIONS.has(leading[1]!)) return leading[1]!;
  return 'RUN';
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function platformOf(config: Record<string, unknown>, keys: { os: string; architecture: string; variant: string }): ImagePlatform {
  const text = (key: string): string => (typeof config[key] === 'string' ? (config[key] as string) : '');
  return { os: text(keys.os), architecture: text(keys.architecture), variant: text(keys.variant) };
}

function toNumber(value: unknown): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isFinite(n) && n >= 0 ? n : 0;
}

/** Lines of `docker history --no-trunc --human=false --format '{{json .}}'` (newest first) to entries oldest first. */
export function parseDockerHistory(jsonLines: string): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  for (const line of jsonLines.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const row = asRecord(JSON.parse(line));
    const sizeBytes = toNumber(row.Size);
    entries.push({ createdBy: String(row.CreatedBy ?? ''), emptyLayer: sizeBytes === 0, sizeBytes });
  }
  return entries.reverse();
}

/** `docker image inspect` (one object or the array the CLI prints) plus its history. */
export function parseDockerInspect(inspectJson: string, history: HistoryEntry[]): ImageFacts {
  const parsed: unknown = JSON.parse(inspectJson);
  const image = asRecord(Array.isArray(parsed) ? parsed[0] : parsed);
  const layers = asRecord(image.RootFS).Layers;
  return {
    id: String(image.Id ?? ''),
    platform: platformOf(image, { os: 'Os', architecture: 'Architecture', variant: 'Variant' }),
    sizeBytes: toNumber(image.Size),
    layerCount: Array.isArray(layers) ? layers.length : 0,
    history,
    config: imageConfigOf(image.Config, image.Author),
  };
}

/**
 * `buildah inspect --type image`: history comes from the OCI config and layer sizes from
 * the stored manifest (uncompressed tar bytes, which is what `buildah images` sums).
 * Non-empty history entries pair with manifest layers in order.
 */
export function parseBuildahInspect(inspectJson: string): ImageFacts {
  const image = asRecord(JSON.parse(inspectJson));
  const manifest = asRecord(typeof image.Manifest === 'string' ? JSON.parse(image.Manifest) : image.Manifest);
  const layerSizes = (Array.isArray(manifest.layers) ? manifest.layers : []).map((layer) => toNumber(asRecord(layer).size));
  const config = asRecord(image.OCIv1);
  const rawHistory = config.history;
  let nextLayer = 0;
  const history: HistoryEntry[] = (Array.isArray(rawHistory) ? rawHistory : []).map((value) => {
    const entry = asRecord(value);
    const emptyLayer = entry.empty_layer === true;
    const sizeBytes = emptyLayer ? 0 : (layerSizes[nextLayer++] ?? 0);
    return { createdBy: String(entry.created_by ?? ''), emptyLayer, sizeBytes };
  });
  return {
    id: String(image.FromImageID ?? ''),
    platform: platformOf(config, { os: 'os', architecture: 'architecture', variant: 'variant' }),
    sizeBytes: layerSizes.reduce((sum, size) => sum + size, 0),
    layerCount: layerSizes.length,
    history,
    // OCI configs have no HEALTHCHECK, SHELL or ONBUILD: the Docker-format view carries them
    config: imageConfigOf(config.config, config.author, asRecord(image.Docker).config),
  };
}

/** `podman history --no-trunc --format json` (an array, newest first) to entries oldest first. */
export function parsePodmanHistory(json: string): HistoryEntry[] {
  const rows: unknown = JSON.parse(json);
  return (Array.isArray(rows) ? rows : [])
    .map((value) => {
      const row = asRecord(value);
      const sizeBytes = toNumber(row.size ?? row.Size);
      return { createdBy: String(row.CreatedBy ?? row.createdBy ?? ''), emptyLayer: sizeBytes === 0, sizeBytes };
    })
    .reverse();
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** `docker|podman image inspect NAME`: the config, platform and repo digests of the image */
export function parseStoredImage(inspectJson: string): StoredImage | undefined {
  const parsed: unknown = JSON.parse(inspectJson);
  const image = asRecord(Array.isArray(parsed) ? parsed[0] : parsed);
  if (Object.keys(image).length === 0) return undefined;
  return {
    config: image.Config ?? {},
    platform: platformOf(image, { os: 'Os', architecture: 'Architecture', variant: 'Variant' }),
    repoDigests: stringList(image.RepoDigests),
  };
}

/** `buildah inspect --type image NAME`: Docker's config when the image has one (it keeps SHELL), else the OCI config */
export function parseBuildahStoredImage(inspectJson: string): StoredImage | undefined {
  const image = asRecord(JSON.parse(inspectJson));
  const oci = asRecord(image.OCIv1);
  const docker = asRecord(image.Docker);
  if (Object.keys(oci).length === 0) return undefined;
  // buildah records no repo digests of its own images; FromImageDigest is the platform manifest's, not a pin of the name
  return { config: docker.config ?? oci.config ?? {}, platform: platformOf(oci, { os: 'os', architecture: 'architecture', variant: 'variant' }), repoDigests: [] };
}
