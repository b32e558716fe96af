/**
 * A read-only reader of Berkeley DB's Hash access method, the format of rpm's database before
 * rpm 4.16 (`/var/lib/rpm/Packages`), enough to list its key/data pairs: the metadata page 0
 * (magic 0x061561, page size, last page, the bucket count and the `spares` table that places
 * each bucket's page), each bucket's chain of hash pages and their items, inline (H_KEYDATA) or
 * on a chain of overflow pages (H_OFFPAGE). The file is in the byte order of the machine that
 * wrote it; the magic says which. Every page number is range-checked and every page visited at
 * most once per chain, so a damaged file throws `BerkeleyDbFormatError` and never loops.
 */

export interface BerkeleyDbPair {
  key: Buffer;
  value: Buffer;
}

export class BerkeleyDbFormatError extends Error {
  override name = 'BerkeleyDbFormatError';
}

function fail(message: string): never {
  throw new BerkeleyDbFormatError(message);
}

const HASH_MAGIC = 0x061561;
const P_HASHMETA = 8;
const P_HASH_UNSORTED = 2;
const P_HASH = 13;
const P_OVERFLOW = 7;
const H_KEYDATA = 1;
const H_OFFPAGE = 3;
/** the generic page header: lsn, pgno, prev, next, entries, hf_offset, level, type */
const PAGE_HEADER_BYTES = 26;
const METADATA_BYTES = 512;
const DBMETA_CHKSUM = 0x01;
const SPARES = 32;

/** Smallest i with 2^i >= n: the doubling of the hash table a bucket belongs to. */
function ceilLog2(n: number): number {
  let i = 0;
  while (2 ** i < n) i++;
  return i;
}

/**
 * The key/data pairs of a Berkeley DB hash database, in bucket order. Duplicate sets (H_DUPLICATE,
 * H_OFFDUP), which rpm's Packages never holds, are skipped.
 */
export function readBerkeleyDbHash(file: Buffer): BerkeleyDbPair[] {
  if (file.length < METADATA_BYTES) fail('the file is shorter than its metadata page');
  const magicLE = file.readUInt32LE(12);
  const bigEndian = magicLE !== HASH_MAGIC;
  if (bigEndian && file.readUInt32BE(12) !== HASH_MAGIC) fail('not a Berkeley DB hash database');
  const u32 = bigEndian ? (at: number) => file.readUInt32BE(at) : (at: number) => file.readUInt32LE(at);
  const u16 = bigEndian ? (at: number) => file.readUInt16BE(at) : (at: number) => file.readUInt16LE(at);
  if (file[25] !== P_HASHMETA) fail('page 0 is not a hash metadata page');
  if (file[24] !== 0) fail('the database is encrypted');
  if ((file[26]! & DBMETA_CHKSUM) !== 0) fail('pages with checksums are not read');
  const pageSize = u32(20);
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) fail(`invalid page size ${pageSize}`);
  const lastPage = u32(32);
  if ((lastPage + 1) * pageSize > file.length) fail(`the file is truncated: page ${lastPage} is past its end`);
  const maxBucket = u32(72);
  if (maxBucket > lastPage) fail(`bucket ${maxBucket} is past the last page`);

  const pageAt = (pgno: number): number => {
    if (pgno < 1 || pgno > lastPage) fail(`page ${pgno} is out of range`);
    return pgno * pageSize;
  };

  /** An overflow chain's bytes: each page's data (hf_offset bytes long) after its header. */
  const overflow = (first: number, total: number): Buffer => {
    if (total > file.length) fail(`an overflow item claims ${total} bytes`);
    const parts: Buffer[] = [];
    const seen = new Set<number>();
    let length = 0;
    for (let pgno = first; length < total; ) {
      if (pgno === 0) fail('an overflow chain ends early');
      if (seen.has(pgno)) fail(`overflow page ${pgno} is linked twice`);
      seen.add(pgno);
      const at = pageAt(pgno);
      if (file[at + 25] !== P_OVERFLOW) fail(`page ${pgno} is not an overflow page`);
      const size = u16(at + 22);
      if (size > pageSize - PAGE_HEADER_BYTES) fail(`overflow page ${pgno} claims ${size} bytes`);
      const part = file.subarray(at + PAGE_HEADER_BYTES, at + PAGE_HEADER_BYTES + Math.min(size, total - length));
      parts.push(part);
      length += part.length;
      pgno = u32(at + 16);
    }
    return Buffer.concat(parts, total);
  };

  /** Item `index` of the hash page at `at`: its bytes run to the previous item's start (the page's end for item 0). */
  const item = (at: number, pgno: number, index: number): Buffer | undefined => {
    const start = u16(at + PAGE_HEADER_BYTES + 2 * index);
    const end = index === 0 ? pageSize : u16(at + PAGE_HEADER_BYTES + 2 * (index - 1));
    if (start < PAGE_HEADER_BYTES || end > pageSize || end <= start) fail(`page ${pgno} has a misplaced item`);
    const type = file[at + start];
    if (type === H_KEYDATA) return file.subarray(at + start + 1, at + end);
    if (type === H_OFFPAGE) {
      if (end - start < 12) fail(`page ${pgno} has a short overflow item`);
      return overflow(u32(at + start + 4), u32(at + start + 8));
    }
    return undefined;
  };

  const pairs: BerkeleyDbPair[] = [];
  const seen = new Set<number>();
  for (let bucket = 0; bucket <= maxBucket; bucket++) {
    const doubling = ceilLog2(bucket + 1);
    if (doubling >= SPARES) fail(`bucket ${bucket} is past the spares table`);
    // a bucket's first page; more pages for it follow through next_pgno
    for (let pgno = (bucket + u32(96 + 4 * doubling)) >>> 0; pgno !== 0; ) {
      if (seen.has(pgno)) fail(`page ${pgno} is linked twice`);
      seen.add(pgno);
      const at = pageAt(pgno);
      const type = file[at + 25];
      // a bucket that never held an item may never have been written
      if (type === 0 && u32(at + 8) === 0) break;
      if (type !== P_HASH && type !== P_HASH_UNSORTED) fail(`page ${pgno} is not a hash page (type ${type})`);
      const entries = u16(at + 20);
      if (PAGE_HEADER_BYTES + 2 * entries > pageSize) fail(`page ${pgno} claims ${entries} items`);
      for (let index = 0; index + 1 < entries; index += 2) {
        const key = item(at, pgno, index);
        const value = item(at, pgno, index + 1);
        if (key && value) pairs.push({ key, value });
      }
      pgno = u32(at + 16);
    }
  }
  return pairs;
}
