import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readSqliteTable } from '../../src/engine/sqlite.ts';

const fixture = (name: string): Buffer => gunzipSync(readFileSync(fileURLToPath(new URL(`../fixtures/packages/${name}`, import.meta.url))));
const rpmdb = (): Buffer => fixture('rpmdb.sqlite.gz');

describe('SQLite file format reader', () => {
  it('reads the rows of a table across interior pages and overflow chains', () => {
    const packages = readSqliteTable(rpmdb(), 'Packages')!;
    expect(packages.map((row) => row.rowid)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // hnum is the rowid (stored NULL); manyfiles' 40 KB header spans ten overflow pages (sqlite3: length(blob))
    expect(packages.map((row) => (row.values[1] as Buffer).length)).toEqual([1908, 1900, 1900, 1900, 1900, 1900, 40984, 2100]);
    expect(packages.every((row) => row.values[0] === null)).toBe(true);
    expect(readSqliteTable(rpmdb(), 'sqlite_sequence')!.map((row) => row.values)).toEqual([['Packages', 8]]);
    expect(readSqliteTable(rpmdb(), 'NoSuchTable')).toBeUndefined();
  });

  it('reads every serial type, UTF-16be text, and 512-byte pages with overflow chains (as sqlite3 printed them)', () => {
    const rows = readSqliteTable(fixture('utf16be-512.sqlite.gz'), 't')!;
    expect(rows).toHaveLength(67);
    expect(rows.slice(0, 7).map((row) => row.values.slice(1))).toEqual([
      [null, 0],
      [1, 127],
      [-300, 40000],
      [-8388608, 2147483647],
      [140737488355327, -9007199254740991],
      [1.5, Buffer.from([0x00, 0xff])],
      ['héllo ✓', Buffer.alloc(0)],
    ]);
    rows.slice(7).forEach((row, i) => expect(row.values).toEqual([null, `row ${i + 1}`, Buffer.alloc((i + 1) * 40)]));
  });
});
