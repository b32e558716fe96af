/**
 * The cosmiconfig explorers, in a module of their own so that discovery imports cosmiconfig
 * (and what it pulls in, node:crypto among it) only when a folder may hold a config file.
 * A static import, too: a dynamic import of the CommonJS package would lose its named exports
 * in the bundle.
 */
import { createRequire } from 'node:module';
import { cosmiconfig, defaultLoaders, type Loader, type PublicExplorer } from 'cosmiconfig';
import { ConfigError } from './errors.ts';
import type { ConfigKind } from './schema.ts';

const requireFromHere = createRequire(import.meta.url);

/** cosmiconfig compiles .ts configs with `typescript`, which we do not ship: say so plainly. */
const loadTypeScriptConfig: Loader = (filePath, content) => {
  try {
    requireFromHere.resolve('typescript');
  } catch {
    throw new ConfigError(
      "a TypeScript config needs the 'typescript' package, which is not installed: install it or use tslint-docker.config.mjs",
      filePath,
    );
  }
  return defaultLoaders['.ts'](filePath, content);
};

/**
 * One explorer per config family. They look in one folder at a time (`searchStrategy: 'none'`):
 * the upward walk is discovery's, because a .hadolint.yaml only counts when no config of ours
 * exists anywhere up the tree.
 */
export function createExplorers(searchPlaces: Readonly<Record<ConfigKind, readonly string[]>>): Record<ConfigKind, PublicExplorer> {
  return {
    'tslint-docker': cosmiconfig('tslint-docker', {
      searchPlaces: [...searchPlaces['tslint-docker']],
      searchStrategy: 'none',
      loaders: { '.ts': loadTypeScriptConfig },
      // `$import`ed arrays are replaced, not concatenated: ['warning', {…}] + ['error'] is no rule entry
      mergeImportArrays: false,
    }),
    hadolint: cosmiconfig('hadolint', { searchPlaces: [...searchPlaces.hadolint], searchStrategy: 'none' }),
  };
}
