import { randomBytes } from 'node:crypto';
import { appendFile, cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { detectEngine } from '../engine/detect.ts';
import { decodeText, encodeText } from '../fix/encoding.ts';
import { formatPlatform, parsePlatform, platformMatches } from '../engine/platform.ts';
import type { BuildOutcome, Engine } from '../engine/types.ts';
import { alignLayers } from './align.ts';
import { builtInstructionChain } from './instructions.ts';
import { compareFiles, comparePackages, INSIDE_SELECTION, runSmoke } from './inside.ts';
import { measureWaste, WASTE_RULES, type WasteFinding } from './waste.ts';
import type { ImageFiles } from '../engine/image-files.ts';
import { chooseSourceFile } from './source-edit.ts';
import {
  EngineReadError,
  VerifyUsageError,
  type FixOutcome,
  type FileChanges,
  type ImageMeasure,
  type PackageChanges,
  type SmokeComparison,
  type VerifyOptions,
  type VerifyReport,
  type VerifyVariant,
} from './types.ts';

export type { FixOutcome, VerifyOptions, VerifyReport } from './types.ts';

const TAG_REPOSITORY = 'tslint-docker-verify';

async function requireKind(path: string, kind: 'file' | 'directory', what: string): Promise<void> {
  try {
    const info = await stat(path);
    if (kind === 'file' ? info.isFile() : info.isDirectory()) return;
  } catch {
    // reported below
  }
  throw new VerifyUsageError(`${what} ${path} is not a ${kind}`);
}

function notBuilt(seconds: number, logFile?: string, failure?: string): ImageMeasure {
  return {
    built: false, image: null, sizeBytes: null, compressedBytes: null, layers: [], waste: null, layerCount: null, buildSeconds: seconds, rebuild: null, logFile,
    ...(failure !== undefined ? { failure } : {}),
  };
}

function difference(fixed: number | null | undefined, original: number | null | undefined): number | null {
  return fixed === null || fixed === undefined || original === null || original === undefined ? null : fixed - original;
}

/**
 * Builds the Dockerfile and its fixed version with a real engine, in a temporary copy of
 * the context, and measures both: size uncompressed and as a registry stores it, layers
 * aligned with lines, build time, and how many steps re-run after a source edit.
 * Never writes to the user's files. Throws NoEngineError or VerifyUsageError.
 */
export async function verify(options: VerifyOptions, fix: (text: string) => FixOutcome): Promise<VerifyReport> {
  const dockerfile = resolve(options.dockerfile);
  const contextDir = resolve(options.context ?? dirname(dockerfile));
  await requireKind(dockerfile, 'file', 'Dockerfile');
  await requireKind(contextDir, 'directory', 'build context');
  if (options.builder !== undefined && options.engine !== undefined && options.engine !== 'auto' && options.engine !== 'docker') {
    throw new VerifyUsageError(`--builder is a docker buildx option; it does not apply to --engine ${options.engine}`);
  }
  const requestedPlatform = options.platform === undefined ? undefined : parsePlatform(options.platform);
  if (options.platform !== undefined && !requestedPlatform) {
    // a comma list is a multi-platform build: no engine can load that as one image to measure
    throw new VerifyUsageError(`--platform ${options.platform}: verify builds one platform (os/arch[/variant], e.g. linux/amd64)`);
  }
  // both variants keep every byte the fixes do not change (encoding.ts)
  const originalText = decodeText(await readFile(dockerfile));
  const { output: fixedText, fixesApplied } = fix(originalText);
  const engine = options.engineInstance ?? (await detectEngine(options.engine ?? 'auto', { builder: options.builder }));

  const workDir = await mkdtemp(join(tmpdir(), 'tslint-docker-verify-'));
  const buildContext = join(workDir, 'context');
  const id = randomBytes(6).toString('hex');
  const tagOf = (variant: VerifyVariant, rebuild = false): string => `${TAG_REPOSITORY}:${id}-${variant}${rebuild ? '-rebuild' : ''}`;
  const madeTags: string[] = [];
  let keepWorkDir = false;
  try {
    await cp(contextDir, buildContext, { recursive: true, verbatimSymlinks: true });
    const dockerfiles: Record<VerifyVariant, string> = {
      original: join(workDir, `original.${basename(dockerfile)}`),
      fixed: join(workDir, `fixed.${basename(dockerfile)}`),
    };
    await writeFile(dockerfiles.original, encodeText(originalText));
    await writeFile(dockerfiles.fixed, encodeText(fixedText));
    const texts: Record<VerifyVariant, string> = { original: originalText, fixed: fixedText };

    const build = (variant: VerifyVariant, tag: string, noCache: boolean): Promise<BuildOutcome> => {
      madeTags.push(tag);
      return engine.build({
        noCache,
        contextDir: buildContext,
        dockerfile: dockerfiles[variant],
        tag,
        target: options.target,
        buildArgs: options.buildArgs,
        platform: options.platform,
        network: options.network ?? 'host',
        onLine: options.onEngineLine ? (line) => options.onEngineLine!(variant, line) : undefined,
      });
    };

    // each image is exported once (scanImage): its files wait here for the comparison of both
    const filesOf: Partial<Record<VerifyVariant, ImageFiles>> = {};
    const wasteFindings = (text: string): WasteFinding[] => (options.lint?.(text) ?? []).filter((finding) => WASTE_RULES.includes(finding.ruleId));

    const measureVariant = async (variant: VerifyVariant): Promise<ImageMeasure> => {
      options.onProgress?.({ phase: 'build', variant });
      const tag = tagOf(variant);
      const outcome = await build(variant, tag, true);
      const keepLog = async (): Promise<string> => {
        const logFile = join(workDir, `${variant}.build.log`);
        await writeFile(logFile, outcome.log);
        keepWorkDir = true;
        return logFile;
      };
      if (!outcome.ok) return notBuilt(outcome.seconds, await keepLog());
      options.onProgress?.({ phase: 'measure', variant });
      const [facts, scan] = await Promise.all([engine.inspect(tag), engine.scanImage(tag, INSIDE_SELECTION)]).catch((error: unknown) => {
        throw new EngineReadError(`${engine.description} built the ${variant} image but could not read it back (inspect/save): ${(error as Error).message.split('\n')[0]}`);
      });
      // the classic builder uses a local base image of another platform without a word (measured)
      if (requestedPlatform && !platformMatches(requestedPlatform, facts.platform)) {
        const failure = `${engine.description} built ${formatPlatform(facts.platform)}, not the requested ${options.platform}`;
        return notBuilt(outcome.seconds, await keepLog(), failure);
      }
      filesOf[variant] = scan.files;
      const chain = builtInstructionChain(texts[variant], options.target);
      return {
        built: true,
        image: options.keepImages ? tag : null,
        sizeBytes: facts.sizeBytes,
        compressedBytes: scan.compressedBytes,
        layers: alignLayers(chain, facts.history),
        waste: measureWaste(scan.layers, scan.history, chain, wasteFindings(texts[variant])),
        layerCount: facts.layerCount,
        buildSeconds: outcome.seconds,
        rebuild: null,
      };
    };

    const original = await measureVariant('original');
    // a broken original is the user's problem, not a fix to prove: stop here
    const fixed = original.built ? await measureVariant('fixed') : notBuilt(0);

    let packages: PackageChanges | null = null;
    let files: FileChanges | null = null;
    let smoke: SmokeComparison[] = [];
    if (original.built && fixed.built) {
      const tags = { original: tagOf('original'), fixed: tagOf('fixed') };
      const both = { original: filesOf.original!, fixed: filesOf.fixed! };
      packages = comparePackages(both, options.failOnRemoved ?? []);
      files = compareFiles(both);
      smoke = await runSmoke(engine, tags, options.smoke ?? [], options.smokeTimeoutMs ?? 60_000, (variant) => options.onProgress?.({ phase: 'smoke', variant }));
    }

    let editedFile: string | null = null;
    if (original.built && (options.cacheCheck ?? true)) {
      editedFile = (await chooseSourceFile(buildContext)) ?? null;
      if (editedFile) {
        await appendFile(join(buildContext, editedFile), uniqueWhitespace());
        for (const [variant, measure] of [['original', original], ['fixed', fixed]] as const) {
          if (!measure.built) continue;
          options.onProgress?.({ phase: 'rebuild', variant });
          const rebuilt = await build(variant, tagOf(variant, true), false);
          if (rebuilt.ok) measure.rebuild = { stepsRun: rebuilt.steps.run, stepsTotal: rebuilt.steps.total, seconds: rebuilt.seconds };
        }
      }
    }

    return {
      engine: engine.description,
      dockerfile: options.dockerfile,
      ...(options.platform !== undefined ? { platform: options.platform } : {}),
      original,
      fixed,
      delta: {
        sizeBytes: difference(fixed.sizeBytes, original.sizeBytes),
        compressedBytes: difference(fixed.compressedBytes, original.compressedBytes),
        layers: difference(fixed.layerCount, original.layerCount),
        rebuildStepsRun: difference(fixed.rebuild?.stepsRun, original.rebuild?.stepsRun),
      },
      fixesApplied,
      editedFile,
      packages,
      files,
      smoke,
    };
  } finally {
    options.onProgress?.({ phase: 'cleanup' });
    const kept = options.keepImages ? new Set([tagOf('original'), tagOf('fixed')]) : new Set<string>();
    await removeQuietly(engine, madeTags.filter((tag) => !kept.has(tag)));
    if (keepWorkDir) await rm(buildContext, { recursive: true, force: true });
    else await rm(workDir, { recursive: true, force: true });
  }
}

/**
 * A trailing blank line of spaces and tabs drawn at random: it changes the file (hence the
 * cache key) in a way no earlier run produced, so a warm cache cannot hide a re-run, and it
 * means nothing to any language the file may be in.
 */
function uniqueWhitespace(): string {
  const bits = randomBytes(6);
  let line = '';
  for (const byte of bits) for (let bit = 0; bit < 8; bit++) line += (byte >> bit) & 1 ? '\t' : ' ';
  return `\n${line}\n`;
}

async function removeQuietly(engine: Engine, tags: string[]): Promise<void> {
  try {
    await engine.removeImages(tags);
  } catch {
    // cleanup must never hide the result; leftover tags are named tslint-docker-verify:*
  }
}
