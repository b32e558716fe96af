/**
 * --cache: each file's findings kept between runs (as ESLint's and Ruff's caches do), and reused
 * while nothing they depend on has changed:
 * - the tool: its version and the build it runs from (and the shellcheck binary on PATH);
 * - the file's text (a hash), so --fix's rewritten text is simply another text;
 * - the settings it was linted with: its resolved config, the path it is reported as, the
 *   build context directory;
 * - what the rules read from the build context: the .dockerignore in use (its path and text),
 *   and every "does this file exist" question with its answer, asked again before a reuse;
 * - with images on, every question about an image with its answer, asked again likewise.
 * stdin is never cached. A missing, unreadable or foreign cache file is an empty cache.
 *
 * The file is a header line, then one line per file: its path and its entry, each in JSON,
 * separated by a tab (JSON escapes tabs and newlines inside strings). An entry is parsed only
 * when its file is linted, and written back as it was read unless it changed: a pre-commit run
 * over one file of a monorepo does not read or write the whole cache's JSON (9 MB over the corpus).
 */
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../fix/write.ts';
import type { LintOptions } from '../linter/linter.ts';
import type { Finding } from '../linter/types.ts';
import type { BuildContext, ImageLookup } from '../model/index.ts';
import { shellcheckBinary } from '../model/shellcheck.ts';
import { sha256 as hash } from '../report/common.ts';
import type { CliIO } from './io.ts';

export const DEFAULT_CACHE_FILE = '.tslint-docker-cache';

/** bumped when the file's layout changes */
const LAYOUT = 4;

interface ContextRecord {
  /** the .dockerignore in use and a hash of its text; null: none */
  dockerignore: [path: string, hash: string] | null;
  /** the exists() questions the rules asked, with their answers */
  exists: [path: string, answer: boolean][];
  /** topLevelFiles() as the rules saw it, when they asked */
  files?: string[];
  /** the .dockerignore likelyDockerignore() found (null: none), when the rules asked */
  likely?: string | null;
  /** the kind() questions the rules asked, with their answers (null: no such path) */
  kinds: [path: string, answer: string | null][];
}

interface CacheEntry {
  /** hashes of the text and of the settings */
  text: string;
  settings: string;
  /** null: linted without a build context */
  context: ContextRecord | null;
  /** the image questions the rules asked (`image <ref> <platform>`, `tags <ref>`), with their answers in JSON */
  images?: [question: string, answer: string][];
  findings: Finding[];
}

interface CacheHeader {
  layout: number;
  tool: string;
}

/** a file's entry: the bytes of its line as read (decoded and parsed only when needed), or parsed, or new */
interface Slot {
  line?: Buffer;
  entry?: CacheEntry;
}

const NEWLINE = 0x0a;
const TAB = 0x09;

/** `--cache-location`: a file, or a directory (existing, or written with a trailing slash) for the default name */
export function cacheFilePath(cwd: string, location: string | undefined): string {
  if (location === undefined) return resolve(cwd, DEFAULT_CACHE_FILE);
  const path = resolve(cwd, location);
  const isDirectory = /[\\/]$/.test(location) || (existsSync(path) && statSync(path).isDirectory());
  return isDirectory ? join(path, DEFAULT_CACHE_FILE) : path;
}

/** The cache of a --cache run (`location`: --cache-location). */
export function openResultCache(io: Pick<CliIO, 'cwd' | 'version'>, location: string | undefined): ResultCache {
  return ResultCache.open(cacheFilePath(io.cwd, location), io.version);
}

/** what the results depend on besides the file and its settings: this build of the tool, and shellcheck */
function toolStamp(version: string): string {
  const parts = [version];
  for (const file of [fileURLToPath(import.meta.url), shellcheckBinary()]) {
    if (file === undefined) continue;
    try {
      const stat = statSync(file);
      parts.push(`${file}:${stat.size}:${stat.mtimeMs}`);
    } catch {
      parts.push(`${file}:?`);
    }
  }
  return parts.join('\n');
}

export class ResultCache {
  private readonly slots: Map<string, Slot>;
  private readonly visited = new Set<string>();
  /** .dockerignore text hashes, read once per run */
  private readonly ignoreHashes = new Map<string, string>();
  /** how many lint calls the cache answered (tests look) */
  hits = 0;
  /** an entry was added or replaced: the file needs writing */
  private changed = false;

  private constructor(readonly path: string, private readonly tool: string, slots: Map<string, Slot>) {
    this.slots = slots;
  }

  /** Reads the cache file; never fails: anything but a cache of this build is an empty cache. */
  static open(path: string, version: string): ResultCache {
    const tool = toolStamp(version);
    const slots = new Map<string, Slot>();
    try {
      // bytes, not a string: only the paths and the entries linted this run are decoded
      const bytes = readFileSync(path);
      let end = bytes.indexOf(NEWLINE);
      const header = JSON.parse(bytes.toString('utf8', 0, end === -1 ? bytes.length : end)) as Partial<CacheHeader> | null;
      if (header?.layout === LAYOUT && header.tool === tool) {
        for (let start = end + 1; end !== -1 && start < bytes.length; start = end + 1) {
          end = bytes.indexOf(NEWLINE, start);
          const stop = end === -1 ? bytes.length : end;
          const tab = bytes.indexOf(TAB, start);
          if (tab === -1 || tab > stop) continue;
          const file: unknown = JSON.parse(bytes.toString('utf8', start, tab));
          if (typeof file === 'string') slots.set(file, { line: bytes.subarray(tab + 1, stop) });
        }
      }
    } catch {
      // missing or unreadable: start empty (a damaged line ends the reading), and write a good one at the end
    }
    return new ResultCache(path, tool, slots);
  }

  /**
   * The findings of `lint` for this text, from the cache when the entry still holds, else from
   * `lint` (with the build context watched, to learn what the findings depend on).
   */
  findings(absolutePath: string, text: string, options: LintOptions, lint: (options: LintOptions) => Finding[]): Finding[] {
    this.visited.add(absolutePath);
    const textHash = hash(text);
    const settings = hash(JSON.stringify([
      options.filePath, options.preset, options.rules, options.ruleOptions, options.codes, options.trustedRegistries, options.labelSchema,
      options.strictLabels, options.disableInlineIgnores, options.buildArgs, options.enableAll, options.context?.dir, options.images !== undefined,
    ]));
    const entry = this.entryOf(absolutePath);
    if (entry !== undefined && this.holds(entry, textHash, settings, options)) {
      this.hits++;
      return entry.findings;
    }
    const watched = options.context === undefined ? undefined : this.watch(options.context);
    const images = options.images === undefined ? undefined : watchImages(options.images);
    const findings = lint({ ...options, ...(watched ? { context: watched.context } : {}), ...(images ? { images: images.lookup } : {}) });
    const fresh: CacheEntry = { text: textHash, settings, context: watched?.record() ?? null, findings };
    if (images) fresh.images = images.asked;
    this.slots.set(absolutePath, { entry: fresh });
    this.changed = true;
    return findings;
  }

  /** a file's entry, parsed on first use; undefined when there is none or its line is damaged */
  private entryOf(absolutePath: string): CacheEntry | undefined {
    const slot = this.slots.get(absolutePath);
    if (slot === undefined) return undefined;
    if (slot.entry === undefined && slot.line !== undefined) {
      try {
        slot.entry = JSON.parse(slot.line.toString('utf8')) as CacheEntry;
      } catch {
        this.slots.delete(absolutePath);
      }
    }
    return slot.entry;
  }

  /**
   * Writes the cache atomically, when this run changed it: this run's files, and the earlier
   * entries of other files. A run over most of the cached files also drops the entries of files
   * that are gone (a run over a few files does not look at every other one).
   */
  save(): void {
    let dropped = false;
    if (this.visited.size * 2 >= this.slots.size) {
      for (const path of this.slots.keys()) {
        if (this.visited.has(path) || existsSync(path)) continue;
        this.slots.delete(path);
        dropped = true;
      }
    }
    if (!this.changed && !dropped && existsSync(this.path)) return;
    const header: CacheHeader = { layout: LAYOUT, tool: this.tool };
    const pieces: (string | Buffer)[] = [`${JSON.stringify(header)}\n`];
    for (const [path, slot] of this.slots) {
      // a line read is written back as it was: an entry is replaced, never changed in place
      if (slot.line !== undefined) pieces.push(`${JSON.stringify(path)}\t`, slot.line, '\n');
      else pieces.push(`${JSON.stringify(path)}\t${JSON.stringify(slot.entry)}\n`);
    }
    mkdirSync(dirname(this.path), { recursive: true });
    writeFileAtomic(this.path, Buffer.concat(pieces.map((p) => (typeof p === 'string' ? Buffer.from(p) : p))));
  }

  private ignoreHash(path: string): string {
    let known = this.ignoreHashes.get(path);
    if (known === undefined) {
      try {
        known = hash(readFileSync(path, 'utf8'));
      } catch {
        known = '?';
      }
      this.ignoreHashes.set(path, known);
    }
    return known;
  }

  private dockerignoreOf(context: BuildContext): ContextRecord['dockerignore'] {
    const path = context.dockerignorePath;
    return path === undefined ? null : [path, this.ignoreHash(path)];
  }

  /** whether an entry still answers for this text and settings; a malformed entry (a hand-edited file) does not */
  private holds(entry: CacheEntry, textHash: string, settings: string, options: LintOptions): boolean {
    if (typeof entry !== 'object' || entry === null || entry.text !== textHash || entry.settings !== settings || !Array.isArray(entry.findings)) return false;
    try {
      return this.contextHolds(entry.context, options.context) && imagesHold(entry.images, options.images);
    } catch {
      return false;
    }
  }

  private contextHolds(record: ContextRecord | null, context: BuildContext | undefined): boolean {
    if (record === null || context === undefined) return record === null && context === undefined;
    const ignore = this.dockerignoreOf(context);
    if (ignore?.[0] !== record.dockerignore?.[0] || ignore?.[1] !== record.dockerignore?.[1]) return false;
    if (!record.exists.every(([path, answer]) => context.exists(path) === answer)) return false;
    if (record.likely !== undefined && (context.likelyDockerignore().path ?? null) !== record.likely) return false;
    if (!record.kinds.every(([path, answer]) => (context.kind(path) ?? null) === answer)) return false;
    return record.files === undefined || JSON.stringify(context.topLevelFiles()) === JSON.stringify(record.files);
  }

  /** the context as rules see it, noting each question they ask */
  private watch(context: BuildContext): { context: BuildContext; record: () => ContextRecord } {
    const exists: [string, boolean][] = [];
    const kinds: [string, string | null][] = [];
    let files: string[] | undefined;
    let likely: string | null | undefined;
    const watched: BuildContext = {
      dir: context.dir,
      likelyDockerignore: () => {
        const search = context.likelyDockerignore();
        likely = search.path ?? null;
        return search;
      },
      ignored: (path) => context.ignored(path),
      exists: (path) => {
        const answer = context.exists(path);
        exists.push([path, answer]);
        return answer;
      },
      topLevelFiles: () => {
        const list = context.topLevelFiles();
        files = [...list];
        return list;
      },
      kind: (path) => {
        const answer = context.kind(path);
        kinds.push([path, answer ?? null]);
        return answer;
      },
    };
    if (context.dockerignorePath !== undefined) watched.dockerignorePath = context.dockerignorePath;
    return {
      context: watched,
      record: () => ({ dockerignore: this.dockerignoreOf(context), exists, kinds, ...(files !== undefined ? { files } : {}), ...(likely !== undefined ? { likely } : {}) }),
    };
  }
}

/** the lookup as rules see it, noting each question and its answer */
function watchImages(lookup: ImageLookup): { lookup: ImageLookup; asked: [string, string][] } {
  const asked: [string, string][] = [];
  const note = <T>(question: string, answer: T): T => {
    asked.push([question, JSON.stringify(answer ?? null)]);
    return answer;
  };
  return {
    asked,
    lookup: {
      image: (reference, platform) => note(`image ${reference} ${platform ?? ''}`, lookup.image(reference, platform)),
      versionTags: (reference) => note(`tags ${reference}`, lookup.versionTags(reference)),
    },
  };
}

/** whether every image question of an entry has the same answer now */
function imagesHold(asked: CacheEntry['images'], lookup: ImageLookup | undefined): boolean {
  if (asked === undefined || asked.length === 0) return true;
  if (lookup === undefined) return false;
  return asked.every(([question, answer]) => {
    const [kind, reference = '', platform = ''] = question.split(' ');
    const now = kind === 'image' ? lookup.image(reference, platform === '' ? undefined : platform) : lookup.versionTags(reference);
    return JSON.stringify(now ?? null) === answer;
  });
}
