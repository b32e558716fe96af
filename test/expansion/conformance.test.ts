/**
 * BuildKit's own word-expansion data (frontend/dockerfile/shell/envVarTest and
 * wordsTest), read at test time; every line is its own case.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandWord, expandWords, ExpansionError } from '../../src/parser/expansion/index.ts';
import { SHARED } from '../helpers/shared.ts';

const dataDir = join(SHARED, 'buildkit-shell');

function lines(file: string): { text: string; number: number }[] {
  return readFileSync(join(dataDir, file), 'utf8')
    .split('\n')
    .map((text, i) => ({ text, number: i + 1 }));
}

/** Runs `run`, mapping an ExpansionError to the data files' `error`. */
function orError<T>(run: () => T): T | 'error' {
  try {
    return run();
  } catch (error) {
    if (error instanceof ExpansionError) return 'error';
    throw error;
  }
}

describe('envVarTest', () => {
  const env = new Map([
    ['PWD', '/home'],
    ['SHELL', 'bash'],
    ['KOREAN', '한국어'],
    ['NULL', ''],
  ]);
  const cases = lines('envVarTest').flatMap(({ text, number }) => {
    if (text.startsWith('#') || text.trim() === '') return [];
    const fields = text.trim().split('|');
    if (fields.length !== 3) throw new Error(`envVarTest:${number}: expected 3 fields`);
    const [platform, input, expected] = fields.map((f) => f.trim()) as [string, string, string];
    return platform === 'A' || platform === 'U' ? [{ number, input, expected }] : [];
  });

  it('has the Linux cases', () => {
    // guards against a parse of the data file that silently drops lines
    expect(cases.length).toBe(228);
  });

  it.each(cases)('line $number: $input', ({ input, expected }) => {
    expect(orError(() => expandWord(input, env).value)).toBe(expected);
  });
});

describe('wordsTest', () => {
  const env = new Map<string, string>();
  const cases: { number: number; input: string; expected: string[]; env: Map<string, string> }[] = [];
  for (const { text, number } of lines('wordsTest')) {
    if (text.startsWith('#') || text === '') continue;
    if (text.startsWith('ENV ')) {
      const assignment = text.slice(3).replace(/^ +/, '');
      const eq = assignment.indexOf('=');
      env.set(assignment.slice(0, eq), assignment.slice(eq + 1));
      continue;
    }
    const fields = text.split('|');
    if (fields.length !== 2) throw new Error(`wordsTest:${number}: expected one |`);
    cases.push({
      number,
      input: fields[0]!.trim(),
      expected: fields[1]!.replace(/^ +/, '').split(','),
      env: new Map(env),
    });
  }

  it('has every line', () => {
    expect(cases.length).toBe(24);
  });

  it.each(cases)('line $number: $input', ({ input, expected, env: scope }) => {
    const words = orError(() => expandWords(input, scope).words);
    expect(words === 'error' ? ['error'] : words).toEqual(expected);
  });
});
