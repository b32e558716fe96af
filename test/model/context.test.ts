import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContext } from '../../src/model/context.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** which of `paths` a context with this .dockerignore excludes */
function excluded(dockerignore: string, paths: readonly string[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'tslint-docker-context-'));
  dirs.push(dir);
  writeFileSync(join(dir, '.dockerignore'), dockerignore);
  const context = loadContext(dir);
  return paths.filter((p) => context.ignored(p));
}

describe('.dockerignore as Docker reads it (moby/patternmatcher), not as .gitignore', () => {
  it('matches a pattern from the root of the context: `foo` is ./foo and what is below it, not a foo deeper down', () => {
    expect(excluded('foo\n', ['foo', 'foo/bar', 'src/foo', 'foobar'])).toEqual(['foo', 'foo/bar']);
    expect(excluded('*.md\n', ['README.md', 'docs/guide.md'])).toEqual(['README.md']);
    expect(excluded('**/*.md\n', ['README.md', 'docs/guide.md', 'main.go'])).toEqual(['README.md', 'docs/guide.md']);
  });

  it('reads a leading / and a trailing / away, and * stops at a /', () => {
    expect(excluded('/build/\n', ['build', 'build/out.o', 'src/build'])).toEqual(['build', 'build/out.o']);
    expect(excluded('*/tmp\n', ['a/tmp', 'a/tmp/x', 'a/b/tmp', 'tmp'])).toEqual(['a/tmp', 'a/tmp/x']);
  });

  it('lets the last matching line decide, an exclusion re-including what is under an excluded folder', () => {
    expect(excluded('*\n!src\n', ['src', 'src/main.go', 'Dockerfile', 'docs/a.md'])).toEqual(['Dockerfile', 'docs/a.md']);
    expect(excluded('*.md\n!README.md\nREADME.md\n', ['README.md', 'CHANGES.md'])).toEqual(['README.md', 'CHANGES.md']);
    expect(excluded('# a comment\n\n  logs  \n', ['logs/x.log', '# a comment'])).toEqual(['logs/x.log']);
  });
});
