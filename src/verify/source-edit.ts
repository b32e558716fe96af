import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import ignore from 'ignore';

/** Dependency manifests and lock files: editing one is a dependency change, not a code change. */
const MANIFEST_NAMES = new Set([
  'package.json', 'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lockb', 'bun.lock',
  'pipfile', 'pipfile.lock', 'pyproject.toml', 'poetry.lock', 'uv.lock', 'setup.py', 'setup.cfg', 'go.mod', 'go.sum',
  'pom.xml', 'gradle.lockfile', 'cargo.toml', 'cargo.lock', 'gemfile', 'gemfile.lock', 'composer.json', 'composer.lock',
  'mix.exs', 'mix.lock', 'packages.lock.json', 'pubspec.yaml', 'pubspec.lock',
]);
const MANIFEST_PATTERNS = [/^requirements.*\.(txt|in)$/i, /\.gemspec$/i, /\.csproj$/i, /^(build|settings)\.gradle(\.kts)?$/i];
const BUILD_FILES = [/^(docker|container)file/i, /\.(docker|container)file$/i, /\.dockerignore$/i];
const SOURCE_EXTENSIONS = /\.(js|mjs|cjs|ts|tsx|jsx|py|go|rb|java|kt|rs|php|c|cc|cpp|h|cs|ex|exs|sh|html|css)$/i;
/** never worth walking into: VCS metadata and installed dependencies */
const SKIPPED_DIRS = new Set(['.git', '.hg', '.svn', 'node_modules', '__pycache__', '.venv', 'vendor', 'target']);

export function isDependencyManifest(fileName: string): boolean {
  return MANIFEST_NAMES.has(fileName.toLowerCase()) || MANIFEST_PATTERNS.some((pattern) => pattern.test(fileName));
}

/**
 * Picks the context file to edit for the cache check: one the build sees (not excluded by
 * .dockerignore), not a dependency manifest nor a Dockerfile; a source-code file first.
 * Returns a path relative to the context, or undefined when no file fits.
 */
export async function chooseSourceFile(contextDir: string): Promise<string | undefined> {
  const dockerignore = ignore();
  try {
    dockerignore.add(await readFile(join(contextDir, '.dockerignore'), 'utf8'));
  } catch {
    // no .dockerignore: everything is sent
  }
  let fallback: string | undefined;
  const walk = async (dir: string): Promise<string | undefined> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = join(dir, entry.name);
      const rel = relative(contextDir, full).split(sep).join('/');
      if (entry.isDirectory()) {
        if (SKIPPED_DIRS.has(entry.name) || dockerignore.ignores(`${rel}/`)) continue;
        const found = await walk(full);
        if (found) return found;
      } else if (entry.isFile()) {
        if (dockerignore.ignores(rel) || isDependencyManifest(entry.name) || BUILD_FILES.some((pattern) => pattern.test(entry.name))) continue;
        if (SOURCE_EXTENSIONS.test(entry.name)) return rel;
        fallback ??= rel;
      }
    }
    return undefined;
  };
  return (await walk(contextDir)) ?? fallback;
}
