import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDockerfile, printDockerfile } from '../../src/parser/index.ts';
import { SHARED } from '../helpers/shared.ts';

// fragments that stress the lexer: continuations, heredocs, quotes, directives, CR/LF, BOM
const fragments = [
  'FROM ', 'RUN ', 'COPY ', 'ONBUILD ', 'ENV ', 'ARG ', 'HEALTHCHECK ', 'CMD ', 'LABEL ', 'ADD ',
  '\\', '`', '\n', '\r\n', '\r', ' ', '\t', '#', '# escape=`\n', '# syntax=x\n', '<<EOF', '<<-EOF', 'EOF',
  '"', "'", '[', ']', '"a"', ',', '--mount=type=cache', '--', '=', '$', '${', '}', 'x', 'AS', '\uFEFF', '\u00a0', '😀',
];
const dockerfileish = fc.array(fc.constantFrom(...fragments), { maxLength: 60 }).map((parts) => parts.join(''));

const corpusDir = join(SHARED, 'corpus/real');
const samples = readdirSync(corpusDir).filter((f) => f !== 'README.md').slice(0, 300).map((f) => readFileSync(join(corpusDir, f), 'utf8'));

function check(text: string): void {
  const df = parseDockerfile(text);
  expect(printDockerfile(df)).toBe(text);
  for (const e of df.errors) {
    expect(e.start).toBeGreaterThanOrEqual(0);
    expect(e.end).toBeLessThanOrEqual(text.length);
    expect(e.start).toBeLessThanOrEqual(e.end);
  }
  for (const ins of df.instructions) {
    expect(ins.start).toBeGreaterThanOrEqual(0);
    expect(ins.end).toBeLessThanOrEqual(text.length);
  }
}

describe('the parser never throws and always round-trips', () => {
  it('on random strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), check), { numRuns: 2000 });
  });
  it('on Dockerfile-like token soup', () => {
    fc.assert(fc.property(dockerfileish, check), { numRuns: 3000 });
  });
  it('on real Dockerfiles with random edits (insert, delete, replace)', () => {
    const mutated = fc
      .tuple(fc.constantFrom(...samples), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 20 }), fc.constantFrom(...fragments)), { maxLength: 5 }))
      .map(([text, edits]) => edits.reduce((t, [pos, del, ins]) => {
        const p = t.length === 0 ? 0 : pos % t.length;
        return t.slice(0, p) + ins + t.slice(p + del);
      }, text));
    fc.assert(fc.property(mutated, check), { numRuns: 1500 });
  });
});
