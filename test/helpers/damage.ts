import { expect } from 'vitest';

/**
 * A reader fed `good` with a few bytes damaged, 300 times over (a fixed seed): each read either
 * succeeds (returns an array) or throws `refusal`, nothing else, and both happen. `damage` writes
 * the bytes, drawing positions and values from `random(n)` (0 <= result < n). Returns that
 * random source, for a test that goes on drawing from the same sequence.
 */
export function expectReadOrRefused(
  good: Buffer,
  damage: (copy: Buffer, random: (n: number) => number) => void,
  read: (body: Buffer) => unknown,
  refusal: abstract new (...args: never[]) => Error,
): (n: number) => number {
  let seed = 22;
  const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  const outcomes = { read: 0, refused: 0 };
  for (let round = 0; round < 300; round++) {
    const damaged = Buffer.from(good);
    damage(damaged, random);
    try {
      expect(Array.isArray(read(damaged))).toBe(true);
      outcomes.read++;
    } catch (error) {
      expect(error).toBeInstanceOf(refusal);
      outcomes.refused++;
    }
  }
  expect(outcomes.read).toBeGreaterThan(0);
  expect(outcomes.refused).toBeGreaterThan(0);
  return random;
}
