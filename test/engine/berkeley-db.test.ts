import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BerkeleyDbFormatError, readBerkeleyDbHash } from '../../src/engine/berkeley-db.ts';
import { expectReadOrRefused } from '../helpers/damage.ts';

const fixture = (name: string): Buffer => gunzipSync(readFileSync(fileURLToPath(new URL(`../fixtures/packages/${name}`, import.meta.url))));
const PAGE = 4096;

describe("Berkeley DB's hash access method", () => {
  it('lists every key/data pair, inline and on overflow chains, in either byte order', () => {
    for (const name of ['rpmdb-Packages.gz', 'rpmdb-Packages-be.gz']) {
      const pairs = readBerkeleyDbHash(fixture(name));
      // keys 0..8, little-endian package numbers as db5.3_load took them from the dump
      expect(pairs.map((p) => p.key.readUInt32LE(0)).sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
      const sizes = new Map(pairs.map((p) => [p.key.readUInt32LE(0), p.value.length]));
      // record 0 is rpm's next package number; package 7 is the 40 KB header (ten overflow pages)
      expect(sizes.get(0)).toBe(4);
      expect(sizes.get(7)).toBe(40984);
      expect(sizes.get(1)).toBe(1908);
    }
  });

  it('a truncated, garbage or looping file throws BerkeleyDbFormatError', () => {
    const good = fixture('rpmdb-Packages.gz');
    const broken: Buffer[] = [
      Buffer.alloc(0),
      good.subarray(0, 100),
      good.subarray(0, 3 * PAGE),
      Buffer.concat([good.subarray(0, 512), Buffer.alloc(good.length - 512, 0xa5)]),
      Buffer.from('not a database at all'.repeat(40)),
    ];
    // a bucket page whose next page is itself
    const cycle = Buffer.from(good);
    const bucket0 = cycle.readUInt32LE(96);
    expect(cycle[bucket0 * PAGE + 25]).toBe(13);
    cycle.writeUInt32LE(bucket0, bucket0 * PAGE + 16);
    broken.push(cycle);
    // an overflow page that links to itself before the item's length is reached
    const overflowPage = [...Array(good.length / PAGE).keys()].find((pgno) => good[pgno * PAGE + 25] === 7 && good.readUInt32LE(pgno * PAGE + 16) !== 0)!;
    const overflowCycle = Buffer.from(good);
    overflowCycle.writeUInt32LE(overflowPage, overflowPage * PAGE + 16);
    broken.push(overflowCycle);
    for (const body of broken) expect(() => readBerkeleyDbHash(body)).toThrow(BerkeleyDbFormatError);
  });

  it('survives any byte of the file damaged: pairs or BerkeleyDbFormatError, nothing else', () => {
    const good = fixture('rpmdb-Packages.gz');
    // bytes in the metadata, page headers and item index, where damage misleads the walk
    const damage = (copy: Buffer, random: (n: number) => number) => {
      for (let i = 0; i < 3; i++) copy[random(good.length / PAGE) * PAGE + random(2) * 26 + random(100)] = random(256);
    };
    expectReadOrRefused(good, damage, readBerkeleyDbHash, BerkeleyDbFormatError);
  });
});
