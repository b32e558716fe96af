import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDockerfile, printDockerfile } from '../../src/parser/index.ts';
import { SHARED } from '../helpers/shared.ts';

const dir = join(SHARED, 'corpus/real');
const files = readdirSync(dir).filter((f) => f !== 'README.md').sort();

describe('real-world corpus', () => {
  it('has the corpus', () => expect(files.length).toBeGreaterThan(2800));
  it('every file parses without a parse error and prints back byte for byte', () => {
    const failures: string[] = [];
    const invalidInstructions: string[] = [];
    for (const name of files) {
      const source = readFileSync(join(dir, name), 'utf8');
      const df = parseDockerfile(source);
      if (printDockerfile(df) !== source) failures.push(`${name}: round trip differs`);
      for (const e of df.errors) {
        const p = df.lines.position(e.start);
        (e.level === 'parser' ? failures : invalidInstructions).push(`${name}:${p.line}:${p.column}: ${e.message}`);
      }
    }
    expect(failures).toEqual([]);
    // BuildKit's parser accepts these files too; their instructions are really invalid
    // (a deliberately wrong fixture, a template placeholder, merge-conflict markers)
    expect(invalidInstructions).toEqual([
      'docker__compose__pkg__e2e__fixtures__wrong-composefile__service1__Dockerfile:17:1: unknown instruction: WRONG',
      'kubernetes__kubernetes__test__images__agnhost__Dockerfile:18:1: unknown instruction: CROSS_BUILD_COPY',
      'sixeyed__dockerfiles-windows__nats-bench__Dockerfile.broken:21:1: unknown instruction: <<<<<<<',
      'sixeyed__dockerfiles-windows__nats-bench__Dockerfile.broken:31:1: unknown instruction: =======',
      'sixeyed__dockerfiles-windows__nats-bench__Dockerfile.broken:35:1: unknown instruction: >>>>>>>',
    ]);
  });
});
