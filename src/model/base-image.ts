/**
 * What an image provides to the stages built on it: its config (USER, ENV, WORKDIR, SHELL,
 * ENTRYPOINT, CMD, EXPOSE, LABEL), its digest and its platforms. The linter is synchronous, so
 * the answers come from an `ImageLookup` filled before the lint (src/images, when images are
 * resolved: `--resolve-images`, `--offline`, the editor's cache); without one, or for an image
 * it does not know, every question here answers undefined: unknown, never a guess.
 */
import { formatPlatform, normalizePlatform, parsePlatform } from '../engine/platform.ts';
import { isValidImageReference } from './image.ts';
import type { DockerfileModel, InstructionInfo, Stage } from './model.ts';
import type { Scope } from './scope.ts';
import { resolveFromRef } from './stage-refs.ts';
import { rootStage } from './stage-chain.ts';

/** An OCI platform; `variant` is '' when the image names none. */
export interface ImagePlatform {
  os: string;
  architecture: string;
  variant: string;
}

/**
 * The parts of an image config that Dockerfile instructions set. `user`, `env`, `exposedPorts`
 * and `labels` are always there (empty when the image sets none: `user` '' is root); the others
 * are absent when the image does not set them, and the engine's defaults apply.
 */
export interface ImageConfig {
  user: string;
  env: Readonly<Record<string, string>>;
  /** `8080/tcp`, `53/udp` */
  exposedPorts: readonly string[];
  labels: Readonly<Record<string, string>>;
  workingDir?: string;
  /** `SHELL` (Docker's image format only; OCI configs have none) */
  shell?: readonly string[];
  entrypoint?: readonly string[];
  cmd?: readonly string[];
}

export interface ResolvedImage {
  /** the digest the reference resolves to (an index's for a multi-platform image): what `name@digest` pins */
  digest?: string;
  /** the platforms the reference offers (an index's list, or the one of a single image); absent when the source does not tell (the local engine) */
  platforms?: readonly ImagePlatform[];
  /** the platform `config` belongs to */
  platform?: ImagePlatform;
  /** whether the reference has an image for the platform asked (FROM's --platform, else the engine's default); absent when not known */
  offersPlatform?: boolean;
  config?: ImageConfig;
  /** the registry, or the local engine's image store (an image built or pulled here) */
  source: 'registry' | 'engine';
}

export type ImageAnswer =
  | { found: true; image: ResolvedImage }
  /** the registry answered that the tag, the digest or the whole repository does not exist */
  | { found: false; missing: 'tag' | 'digest' | 'repository' };

/**
 * Synchronous answers about images, by reference as the Dockerfile names it after ARG
 * substitution (`node:22-slim`, `ghcr.io/org/tool@sha256:...`). undefined = not known.
 */
export interface ImageLookup {
  /** the image `reference` names, for `platform` (`linux/arm64`; undefined: the engine's default platform) */
  image(reference: string, platform?: string): ImageAnswer | undefined;
  /**
   * Version tags of the reference's repository (`1.36.1`, `1.36`, `1`) that point at the
   * reference's digest now, most specific first; [] when none does.
   */
  versionTags(reference: string): readonly string[] | undefined;
  /** the platform a build without `--platform` uses (`linux/amd64`), when the lookup knows it */
  defaultPlatform?: string;
}

export interface ImageRequest {
  reference: string;
  /** FROM's `--platform` when the file fixes it (a constant, or ARGs with known values); else the engine's default */
  platform?: string;
}

/** The external image a stage starts from (through `FROM <stage>` chains), and the platform its FROM asks for. */
export function stageImageRequest(model: DockerfileModel, stage: Stage): ImageRequest | undefined {
  const root = rootStage(stage);
  return root.baseStage ? undefined : fromRequest(root, model.info(root.from).scope);
}

/** What a stage's own FROM names (not an earlier stage), seen with the FROM line's scope (the global ARGs). */
export function fromRequest(stage: Stage, fromScope: Scope): ImageRequest | undefined {
  const image = stage.image;
  if (stage.baseStage || !image.resolved || image.isScratch || !isValidImageReference(image.text)) return undefined;
  const flag = stage.from.flags.find((f) => f.name.toLowerCase() === 'platform');
  const platform = flag?.value === undefined ? undefined : fromScope.expand(flag.value).value;
  return platform === undefined || platform === '' ? { reference: image.text } : { reference: image.text, platform };
}

/** What the lookup says about the image a stage starts from (through `FROM <stage>` chains); undefined when unknown. */
export function stageBaseImage(model: DockerfileModel, stage: Stage): ImageAnswer | undefined {
  const lookup = model.images;
  const request = lookup && stageImageRequest(model, stage);
  return request ? lookup!.image(request.reference, request.platform) : undefined;
}

/** The config of the image a stage starts from; undefined when unknown (not resolved, scratch, a variable). */
export function baseImageConfig(model: DockerfileModel, stage: Stage): ImageConfig | undefined {
  const answer = stageBaseImage(model, stage);
  return answer?.found ? answer.image.config : undefined;
}

/** The image a `COPY --from=` or `RUN --mount=from=` value names (not a stage), after ARG substitution. */
export function fromFlagImage(model: DockerfileModel, info: InstructionInfo, raw: string): { reference: string; answer?: ImageAnswer } | undefined {
  if (resolveFromRef(model, info, raw).kind !== 'image') return undefined;
  const reference = info.scope.expand(raw).value;
  if (reference === undefined || !isValidImageReference(reference)) return undefined;
  const answer = model.images?.image(reference);
  return answer === undefined ? { reference } : { reference, answer };
}

/** A FROM whose image has nothing for the platform its `--platform` asks for (BuildKit's InvalidBaseImagePlatform). */
export interface PlatformMismatch {
  reference: string;
  /** the platform asked, in its canonical spelling (`linux/arm64`) */
  expected: string;
  /** the platform of the single image the reference names (pulled whatever the platform asked); absent for an index */
  actual?: string;
  /** the platforms the reference offers, when known */
  offered: readonly string[];
}

/**
 * The mismatch between a stage's FROM `--platform` (after ARG expansion) and the platforms its
 * image offers; undefined when they match or when either is unknown. Without `--platform` the
 * platform a build uses by default applies, when the lookup knows it (the resolver does:
 * DOCKER_DEFAULT_PLATFORM, else this machine's); a `--platform` whose value is not known at lint
 * time (`$BUILDPLATFORM`, an ARG without a value) is left alone.
 */
export function fromPlatformMismatch(model: DockerfileModel, stage: Stage, fromScope: Scope): PlatformMismatch | undefined {
  const request = fromRequest(stage, fromScope);
  if (!request || !model.images) return undefined;
  const hasFlag = stage.from.flags.some((f) => f.name.toLowerCase() === 'platform');
  const asked = request.platform ?? (hasFlag ? undefined : model.images.defaultPlatform);
  if (asked === undefined) return undefined;
  const answer = model.images.image(request.reference, request.platform);
  if (!answer?.found || answer.image.offersPlatform !== false) return undefined;
  const { image } = answer;
  const wanted = parsePlatform(asked);
  const expected = wanted?.os !== undefined && wanted.architecture !== undefined
    ? formatPlatform(normalizePlatform({ os: wanted.os, architecture: wanted.architecture, variant: wanted.variant ?? '' }))
    : asked;
  const format = (p: ImagePlatform) => formatPlatform(normalizePlatform(p));
  const mismatch: PlatformMismatch = { reference: request.reference, expected, offered: (image.platforms ?? []).map(format) };
  if (image.platform !== undefined) mismatch.actual = format(image.platform);
  return mismatch;
}
