// synchronous calls: a few stats per folder, and node:fs/promises would cost a cold start ~2 ms to load
import { readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PublicExplorer } from 'cosmiconfig';
import { ConfigError } from './errors.ts';
import type { ConfigKind } from './schema.ts';

const OUR_SEARCH_PLACES = [
  'package.json',
  '.tslint-dockerrc',
  '.tslint-dockerrc.json',
  '.tslint-dockerrc.yaml',
  '.tslint-dockerrc.yml',
  '.tslint-dockerrc.js',
  '.tslint-dockerrc.cjs',
  '.tslint-dockerrc.mjs',
  'tslint-docker.config.js',
  'tslint-docker.config.mjs',
  'tslint-docker.config.cjs',
  'tslint-docker.config.ts',
];
const HADOLINT_SEARCH_PLACES = ['.hadolint.yaml', '.hadolint.yml'];
const SEARCH_PLACES: Record<ConfigKind, readonly string[]> = { 'tslint-docker': OUR_SEARCH_PLACES, hadolint: HADOLINT_SEARCH_PLACES };

// cosmiconfig's meta config: in the working directory, such a file can change where explorers look
const COSMICONFIG_META_PLACES = [
  'package.json', 'package.yaml', '.config/config.json', '.config/config.yaml', '.config/config.yml',
  '.config/config.js', '.config/config.ts', '.config/config.cjs', '.config/config.mjs',
];

let explorers: Record<ConfigKind, PublicExplorer> | undefined;
let explorersLoading: Promise<Record<ConfigKind, PublicExplorer>> | undefined;

/** One explorer per config family per process, so cosmiconfig's caches serve every file; made on first need. */
function getExplorers(): Promise<Record<ConfigKind, PublicExplorer>> {
  explorersLoading ??= import('./explorers.ts').then(({ createExplorers }) => (explorers = createExplorers(SEARCH_PLACES)));
  return explorersLoading;
}

async function exists(filePath: string): Promise<boolean> {
  try {
    statSync(filePath);
    return true;
  } catch {
    return false;
  }
}

/** Whether stat'ing `file` says cosmiconfig may find something there (it passes over exactly these errors). */
function mayExist(file: string): boolean {
  try {
    statSync(file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return !(code === 'ENOENT' || code === 'ENOTDIR' || code === 'EACCES');
  }
}

/**
 * Whether cosmiconfig may take something from the package.json at `file` under `key`: it has
 * the key, or it is not a plain JSON object (cosmiconfig then reports the error). Most projects
 * have a package.json and no key of ours in it.
 */
function packageJsonMayHold(file: string, key: string): boolean {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return mayExist(file);
  }
  try {
    const data: unknown = JSON.parse(text);
    return typeof data !== 'object' || data === null || Array.isArray(data) || Object.hasOwn(data, key);
  } catch {
    return true;
  }
}

/**
 * False only when no file in `places` under `dir` can give cosmiconfig a config under `key`
 * (the package.json property it reads), so an explorer would find nothing there. Anything else
 * goes to cosmiconfig.
 */
function mayHoldAny(dir: string, places: readonly string[], key: string): boolean {
  if (!shortcuts) return true;
  return places.some((place) => (place === 'package.json' ? packageJsonMayHold(path.join(dir, place), key) : mayExist(path.join(dir, place))));
}

let metaConfigPossible: boolean | undefined;

/** Whether cosmiconfig may read a meta config (in the working directory) that changes its search. */
function cosmiconfigMetaPossible(): boolean {
  metaConfigPossible ??= mayHoldAny(process.cwd(), COSMICONFIG_META_PLACES, 'cosmiconfig');
  return metaConfigPossible;
}

/**
 * Folders where no file could hold a config are passed over without cosmiconfig (loading it
 * costs a cold run ~15 ms). Tests turn that off to get the reference the shortcut must match.
 */
let shortcuts = true;

export function useDiscoveryShortcuts(on: boolean): void {
  shortcuts = on;
  clearDiscoveryCaches();
}

/** `dir` and its ancestors, up to and including the repository root (holding `.git`), home or `/`. */
async function* searchDirectories(dir: string): AsyncGenerator<string> {
  const home = os.homedir();
  let current = dir;
  for (;;) {
    yield current;
    const parent = path.dirname(current);
    if (parent === current || current === home || (await exists(path.join(current, '.git')))) return;
    current = parent;
  }
}

export interface FoundConfig {
  filePath: string;
  kind: ConfigKind;
  /** the file's content as loaded (undefined for an empty file) */
  content: unknown;
}

/**
 * Node's own JSON.parse message for the file, with the offset turned into a line and column
 * (cosmiconfig's JSON errors bury it under code frames).
 */
async function describeJsonError(filePath: string): Promise<string> {
  let text: string | null;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch {
    text = null;
  }
  if (text === null) return 'the file could not be read again to locate the error';
  try {
    JSON.parse(text);
    return 'rejected by the JSON parser';
  } catch (error) {
    const message = String((error as Error).message).replace(/ \(line \d+ column \d+\)$/, '');
    const match = / in JSON at position (\d+)/.exec(message);
    if (match === null) return message;
    const before = text.slice(0, Number(match[1]));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    return `${message.slice(0, match.index)} at line ${line}, column ${column}`;
  }
}

/** Turn whatever loading a config threw into one ConfigError naming the file. */
async function toConfigError(error: unknown, fallbackPath: string): Promise<ConfigError> {
  if (error instanceof ConfigError) return error;
  const err = error as { filepath?: unknown; code?: unknown; message?: unknown; name?: unknown };
  const filePath = typeof err.filepath === 'string' ? err.filepath : fallbackPath;
  if (err.code === 'ENOENT') return new ConfigError('no such config file', filePath);
  if (err.code === 'EISDIR') return new ConfigError('is a folder, not a config file', filePath);
  const raw = String(err.message ?? error);
  if (err.name === 'JSONError' || raw.startsWith('JSON Error in ')) {
    return new ConfigError(`invalid JSON: ${await describeJsonError(filePath)}`, filePath);
  }
  // cosmiconfig prefixes other parse errors with "YAML Error in <path>:\n"; the cause follows
  const parse = /^(YAML|TypeScript) Error in [^\n]*:\n/.exec(raw);
  const cause = (parse === null ? raw : raw.slice(parse[0].length)).split('\n')[0]!.trim();
  if (parse === null) return new ConfigError(`cannot load: ${cause}`, filePath);
  if (parse[1] === 'TypeScript') return new ConfigError(`invalid TypeScript: ${cause}`, filePath);
  const kind = path.extname(filePath) === '' ? 'JSON or YAML' : 'YAML';
  return new ConfigError(`invalid ${kind}: ${cause.replace(/ \((\d+):(\d+)\)$/, ' at line $1, column $2')}`, filePath);
}

/** Nearest config of ours above `dir`; failing that, the nearest .hadolint.yaml; else null. */
async function searchConfig(dir: string): Promise<FoundConfig | null> {
  const checkEveryFolder = cosmiconfigMetaPossible();
  for (const kind of ['tslint-docker', 'hadolint'] as const) {
    for await (const current of searchDirectories(dir)) {
      if (!checkEveryFolder && !mayHoldAny(current, SEARCH_PLACES[kind], kind)) continue;
      try {
        const result = await (await getExplorers())[kind].search(current);
        if (result !== null) return { filePath: result.filepath, kind, content: result.config };
      } catch (error) {
        throw await toConfigError(error, current);
      }
    }
  }
  return null;
}

const searches = new Map<string, Promise<FoundConfig | null>>();

/** The config that applies to files in `dir`; searched once per folder per process. */
export function findConfig(dir: string): Promise<FoundConfig | null> {
  let search = searches.get(dir);
  if (search === undefined) {
    search = searchConfig(dir);
    searches.set(dir, search);
  }
  return search;
}

/** Forget every config read so far (an editor saw a config file change); the next search reads the disk again. */
export function clearDiscoveryCaches(): void {
  searches.clear();
  metaConfigPossible = undefined;
  if (explorers !== undefined) for (const explorer of Object.values(explorers)) explorer.clearCaches();
}

/** A file named on the command line: hadolint's format when its name says hadolint. */
export async function loadConfigFile(filePath: string): Promise<FoundConfig> {
  const kind: ConfigKind = path.basename(filePath).includes('hadolint') ? 'hadolint' : 'tslint-docker';
  try {
    const result = await (await getExplorers())[kind].load(filePath);
    return { filePath, kind, content: result?.config };
  } catch (error) {
    throw await toConfigError(error, filePath);
  }
}
