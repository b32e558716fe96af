import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dumpBuildkit, parseDockerfile, printDockerfile } from '../../src/parser/index.ts';
import { SHARED } from '../helpers/shared.ts';

const root = join(SHARED, 'buildkit-parser');
const positive = readdirSync(join(root, 'testfiles')).sort();
const negative = readdirSync(join(root, 'testfiles-negative')).sort();

describe('BuildKit parser cases: dump matches result byte for byte', () => {
  it('has the 33 positive cases', () => expect(positive.length).toBe(33));
  it.each(positive)('%s', (name) => {
    const source = readFileSync(join(root, 'testfiles', name, 'Dockerfile'), 'utf8');
    const expected = readFileSync(join(root, 'testfiles', name, 'result'), 'utf8');
    const df = parseDockerfile(source);
    expect(df.errors.filter((e) => e.level === 'parser')).toEqual([]);
    expect(dumpBuildkit(df)).toBe(expected);
    expect(printDockerfile(df)).toBe(source);
  });
});

describe('BuildKit negative cases: the parser rejects them', () => {
  it.each(negative)('%s', (name) => {
    const source = readFileSync(join(root, 'testfiles-negative', name, 'Dockerfile'), 'utf8');
    const df = parseDockerfile(source);
    expect(df.errors.filter((e) => e.level === 'parser').length).toBeGreaterThan(0);
    expect(printDockerfile(df)).toBe(source);
  });
});

describe('BuildKit line numbers (TestParseIncludesLineNumbers)', () => {
  it('reports 1-based start and end lines of each instruction', () => {
    const source = readFileSync(join(root, 'testfile-line/Dockerfile'), 'utf8');
    const df = parseDockerfile(source);
    const lines = df.instructions.map((i) => [df.lines.position(i.start).line, df.lines.position(i.end).line]);
    expect(lines).toEqual([[5, 5], [11, 12], [17, 31]]);
  });
});
