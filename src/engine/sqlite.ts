/**
 * A read-only reader of SQLite's database file format (https://www.sqlite.org/fileformat2.html),
 * enough to list the rows of one rowid table: the 100-byte header, sqlite_master on page 1 for the
 * table's root page, table b-tree interior and leaf pages, overflow chains and the record format.
 * Pages a write-ahead log (`-wal`) holds for committed transactions replace the main file's.
 * Every offset is bounds-checked and every page is visited once, so a damaged file throws
 * `SqliteFormatError` and never loops.
 */

export type SqliteValue = null | number | string | Buffer;

export interface SqliteRow {
  rowid: number;
  /** the record's columns in order; an INTEGER PRIMARY KEY column is stored as NULL (its value is the rowid) */
  values: SqliteValue[];
}

export class SqliteFormatError extends Error {
  override name = 'SqliteFormatError';
}

const MAGIC = 'SQLite format 3\0';
const HEADER_BYTES = 100;
const TABLE_INTERIOR = 0x05;
const TABLE_LEAF = 0x0d;

function fail(message: string): never {
  throw new SqliteFormatError(message);
}

const WAL_MAGIC = 0x377f0682;
const WAL_HEADER_BYTES = 32;
const WAL_FRAME_HEADER_BYTES = 24;

/**
 * The pages a write-ahead log holds as of its last commit, and the database's size in pages
 * then; undefined when it holds none (empty after a checkpoint, another database's, damaged).
 * A frame counts while its salts are the header's and the running checksum (pairs of 32-bit
 * words, in the byte order the magic's low bit names) matches; a frame whose "size after
 * commit" is not 0 commits it and the frames before.
 */
function walPages(wal: Buffer, pageSize: number): { pages: Map<number, Buffer>; pageCount: number } | undefined {
  if (wal.length < WAL_HEADER_BYTES) return undefined;
  const magic = wal.readUInt32BE(0);
  if ((magic & ~1) >>> 0 !== WAL_MAGIC || wal.readUInt32BE(8) !== pageSize) return undefined;
  const word = magic & 1 ? (at: number) => wal.readUInt32BE(at) : (at: number) => wal.readUInt32LE(at);
  let s0 = 0;
  let s1 = 0;
  const sum = (from: number, to: number): void => {
    for (let at = from; at < to; at += 8) {
      s0 = (s0 + word(at) + s1) >>> 0;
      s1 = (s1 + word(at + 4) + s0) >>> 0;
    }
  };
  const checksumAt = (at: number): boolean => s0 === wal.readUInt32BE(at) && s1 === wal.readUInt32BE(at + 4);
  sum(0, 24);
  if (!checksumAt(24)) return undefined;
  const committed = new Map<number, Buffer>();
  const pending = new Map<number, Buffer>();
  let pageCount = 0;
  const frame = WAL_FRAME_HEADER_BYTES + pageSize;
  for (let at = WAL_HEADER_BYTES; at + frame <= wal.length; at += frame) {
    if (wal.readUInt32BE(at + 8) !== wal.readUInt32BE(16) || wal.readUInt32BE(at + 12) !== wal.readUInt32BE(20)) break;
    sum(at, at + 8);
    sum(at + WAL_FRAME_HEADER_BYTES, at + frame);
    if (!checksumAt(at + 16)) break;
    pending.set(wal.readUInt32BE(at), wal.subarray(at + WAL_FRAME_HEADER_BYTES, at + frame));
    const size = wal.readUInt32BE(at + 4);
    if (size > 0) {
      for (const [n, page] of pending) committed.set(n, page);
      pending.clear();
      pageCount = size;
    }
  }
  return committed.size > 0 ? { pages: committed, pageCount } : undefined;
}

class Database {
  readonly pageSize: number;
  /** the page size less the bytes each page reserves at its end */
  readonly usable: number;
  readonly pageCount: number;
  readonly encoding: BufferEncoding | 'utf16be';
  private readonly logged: Map<number, Buffer>;

  constructor(readonly file: Buffer, wal: Buffer | undefined) {
    if (file.length < HEADER_BYTES || file.toString('latin1', 0, 16) !== MAGIC) fail('not a SQLite database');
    const size = file.readUInt16BE(16);
    this.pageSize = size === 1 ? 65536 : size;
    if (this.pageSize < 512 || (this.pageSize & (this.pageSize - 1)) !== 0) fail(`page size ${size}`);
    this.usable = this.pageSize - file[20]!;
    if (this.usable < 480) fail(`usable page size ${this.usable}`);
    const log = wal && walPages(wal, this.pageSize);
    this.logged = log?.pages ?? new Map();
    this.pageCount = log?.pageCount ?? Math.floor(file.length / this.pageSize);
    // the header as of the last commit (the text encoding never changes once the database has content)
    const encoding = (this.logged.get(1) ?? file).readUInt32BE(56);
    this.encoding = encoding === 2 ? 'utf16le' : encoding === 3 ? 'utf16be' : 'utf8';
  }

  /** the bytes of page `n` (1-based) */
  page(n: number): Buffer {
    if (!Number.isInteger(n) || n < 1 || n > this.pageCount) fail(`page ${n} is outside the database (${this.pageCount} pages)`);
    const page = this.logged.get(n) ?? this.file.subarray((n - 1) * this.pageSize, n * this.pageSize);
    if (page.length < this.pageSize) fail(`page ${n} is outside the file`);
    return page;
  }

  text(bytes: Buffer): string {
    if (this.encoding !== 'utf16be') return bytes.toString(this.encoding);
    const swapped = Buffer.from(bytes.subarray(0, bytes.length & ~1));
    return swapped.swap16().toString('utf16le');
  }
}

function byte(page: Buffer, offset: number): number {
  if (offset >= page.length) fail('offset past the page');
  return page[offset]!;
}

/** A varint at `offset` (7 bits a byte, high bit set while more follow; a 9th byte gives 8): its value and length. */
function varint(page: Buffer, offset: number): [value: number, length: number] {
  // a double: rowids and sizes here stay below 2^53
  let value = 0;
  for (let i = 0; i < 8; i++) {
    const b = byte(page, offset + i);
    value = value * 128 + (b & 0x7f);
    if (b < 0x80) return [value, i + 1];
  }
  return [value * 256 + byte(page, offset + 8), 9];
}

function u16(page: Buffer, offset: number): number {
  if (offset + 2 > page.length) fail('offset past the page');
  return page.readUInt16BE(offset);
}

function u32(page: Buffer, offset: number): number {
  if (offset + 4 > page.length) fail('offset past the page');
  return page.readUInt32BE(offset);
}

/**
 * A table leaf cell's payload: the bytes kept on the page, then the overflow chain's (each
 * overflow page: the next page's number, then usable-4 bytes). The local part's size follows
 * the format's rule, which keeps an overflow page from being almost empty.
 */
function payload(db: Database, page: Buffer, offset: number, size: number, seen: Set<number>): Buffer {
  const u = db.usable;
  const maxLocal = u - 35;
  const minLocal = Math.floor(((u - 12) * 32) / 255) - 23;
  let local = size;
  if (size > maxLocal) {
    const k = minLocal + ((size - minLocal) % (u - 4));
    local = k <= maxLocal ? k : minLocal;
  }
  if (offset + local > page.length) fail('cell runs past the page');
  if (local === size) return page.subarray(offset, offset + size);
  const parts = [page.subarray(offset, offset + local)];
  let remaining = size - local;
  let next = u32(page, offset + local);
  while (remaining > 0) {
    if (seen.has(next)) fail(`page ${next} is used twice`);
    seen.add(next);
    const overflow = db.page(next);
    const take = Math.min(remaining, u - 4);
    parts.push(overflow.subarray(4, 4 + take));
    remaining -= take;
    next = overflow.readUInt32BE(0);
  }
  return Buffer.concat(parts, size);
}

/** The columns of a record: a header (its size, then one serial type per column), then the values. */
function record(db: Database, bytes: Buffer): SqliteValue[] {
  const [headerSize, first] = varint(bytes, 0);
  if (headerSize > bytes.length) fail('record header runs past the record');
  const values: SqliteValue[] = [];
  let at = first;
  let body = headerSize;
  while (at < headerSize) {
    const [type, length] = varint(bytes, at);
    at += length;
    // 0 NULL, 1-6 integers of 1, 2, 3, 4, 6, 8 bytes, 7 a double, 8 and 9 the integers 0 and 1,
    // 10 and 11 reserved, then even: a blob of (N-12)/2 bytes, odd: text of (N-13)/2
    const size = type >= 12 ? Math.floor((type - 12) / 2) : [0, 1, 2, 3, 4, 6, 8, 8, 0, 0][type] ?? fail(`serial type ${type}`);
    if (body + size > bytes.length) fail('record value runs past the record');
    const raw = bytes.subarray(body, body + size);
    body += size;
    if (type === 0) values.push(null);
    else if (type <= 6) values.push(size <= 6 ? raw.readIntBE(0, size) : Number(raw.readBigInt64BE(0)));
    else if (type === 7) values.push(raw.readDoubleBE(0));
    else if (type <= 9) values.push(type - 8);
    else values.push(type % 2 === 0 ? raw : db.text(raw));
  }
  return values;
}

/** Every row of the table b-tree rooted at `root`, in rowid order. */
function tableRows(db: Database, root: number, seen: Set<number>): SqliteRow[] {
  const rows: SqliteRow[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const n = pending.pop()!;
    if (seen.has(n)) fail(`page ${n} is used twice`);
    seen.add(n);
    const page = db.page(n);
    const start = n === 1 ? HEADER_BYTES : 0;
    const kind = page[start];
    const cells = u16(page, start + 3);
    if (kind === TABLE_INTERIOR) {
      // children pushed right to left so that the leftmost is read first
      pending.push(u32(page, start + 8));
      for (let i = cells - 1; i >= 0; i--) pending.push(u32(page, u16(page, start + 12 + 2 * i)));
    } else if (kind === TABLE_LEAF) {
      for (let i = 0; i < cells; i++) {
        let at = u16(page, start + 8 + 2 * i);
        const [size, sizeLength] = varint(page, at);
        at += sizeLength;
        const [rowid, rowidLength] = varint(page, at);
        at += rowidLength;
        rows.push({ rowid, values: record(db, payload(db, page, at, size, seen)) });
      }
    } else fail(`page ${n} is not a table b-tree page (type ${kind})`);
  }
  return rows;
}

/**
 * The rows of table `name` (a rowid table, as sqlite_master names it), or undefined when the
 * database has no such table; `wal` is the database's `-wal` file, when it has one.
 */
export function readSqliteTable(file: Buffer, name: string, wal?: Buffer): SqliteRow[] | undefined {
  const db = new Database(file, wal);
  // sqlite_master: type, name, tbl_name, rootpage, sql
  const schema = tableRows(db, 1, new Set()).find(({ values }) => values[0] === 'table' && values[1] === name);
  if (!schema) return undefined;
  const root = schema.values[3];
  if (typeof root !== 'number') fail(`table ${name} has no root page`);
  return tableRows(db, root, new Set());
}
