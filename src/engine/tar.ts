/**
 * A minimal push-based tar reader (ustar, pax, GNU long names): what image archives and the
 * layers inside them are made of. Bodies stream to a sink per entry, so an archive of any
 * size passes through without temp space, and a layer can be parsed while its archive streams.
 */

const BLOCK = 512;

export type TarEntryType = 'file' | 'hardlink' | 'symlink' | 'directory' | 'other';

export interface TarHeader {
  /** as written in the archive, `./` and leading slashes removed; directories without their trailing slash */
  path: string;
  type: TarEntryType;
  size: number;
  /** permission bits with setuid, setgid and sticky (mode & 0o7777) */
  mode: number;
  uid: number;
  gid: number;
  /** target of a symlink or hardlink, '' otherwise */
  linkTarget: string;
}

/** Receives one entry's body; `end` is called after the last chunk (also for empty bodies). */
export interface TarEntrySink {
  write(chunk: Buffer): void | Promise<void>;
  end(): void | Promise<void>;
}

/** What to do with each entry: a sink for its body, or undefined to skip it. */
export type TarEntryHandler = (header: TarHeader) => TarEntrySink | undefined;

const TYPES: Record<string, TarEntryType> = { '0': 'file', '\0': 'file', '7': 'file', '1': 'hardlink', '2': 'symlink', '5': 'directory' };

function readNumber(header: Buffer, start: number, length: number): number {
  // GNU base-256 encoding for values that do not fit in octal: high bit of the first byte set
  if ((header[start]! & 0x80) !== 0) {
    let value = header[start]! & 0x7f;
    for (let i = start + 1; i < start + length; i++) value = value * 256 + header[i]!;
    return value;
  }
  const text = header.toString('latin1', start, start + length).replace(/\0.*$/s, '').trim();
  return text ? parseInt(text, 8) : 0;
}

function readString(header: Buffer, start: number, length: number): string {
  const end = header.indexOf(0, start);
  return header.toString('utf8', start, end === -1 || end > start + length ? start + length : end);
}

/** pax extended header records: "<length> <key>=<value>\n" */
function parsePax(body: Buffer): Map<string, string> {
  const records = new Map<string, string>();
  let offset = 0;
  while (offset < body.length) {
    const space = body.indexOf(0x20, offset);
    if (space === -1) break;
    const length = parseInt(body.toString('latin1', offset, space), 10);
    if (!Number.isFinite(length) || length <= 0) break;
    const record = body.toString('utf8', space + 1, offset + length - 1);
    const eq = record.indexOf('=');
    if (eq > 0) records.set(record.slice(0, eq), record.slice(eq + 1));
    offset += length;
  }
  return records;
}

export function normalizeTarPath(path: string): string {
  return path.replace(/^(?:\.\/)+/, '').replace(/^\/+/, '').replace(/\/+$/, '');
}

/** Feed it the archive's bytes in chunks of any size with `push`, then `end`. */
export class TarParser {
  private pending: Buffer = Buffer.alloc(0);
  private bodyLeft = 0;
  private paddingLeft = 0;
  private sink: TarEntrySink | undefined;
  /** body of a pax ('x') or GNU long name/link ('L', 'K') header, applied to the next entry */
  private metaChunks: Buffer[] | undefined;
  private metaKind = '';
  private nextPax = new Map<string, string>();
  private ended = false;

  constructor(private readonly onEntry: TarEntryHandler) {}

  async push(chunk: Buffer): Promise<void> {
    if (this.ended) return;
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    while (!this.ended) {
      if (this.bodyLeft > 0) {
        if (this.pending.length === 0) return;
        const piece = this.pending.subarray(0, Math.min(this.bodyLeft, this.pending.length));
        this.pending = this.pending.subarray(piece.length);
        this.bodyLeft -= piece.length;
        if (this.sink) await this.sink.write(piece);
        this.metaChunks?.push(piece);
        if (this.bodyLeft === 0) await this.closeEntry();
        continue;
      }
      if (this.paddingLeft > 0) {
        const skip = Math.min(this.paddingLeft, this.pending.length);
        this.pending = this.pending.subarray(skip);
        this.paddingLeft -= skip;
        if (this.paddingLeft > 0) return;
        continue;
      }
      if (this.pending.length < BLOCK) return;
      const header = this.pending.subarray(0, BLOCK);
      this.pending = this.pending.subarray(BLOCK);
      if (header.every((byte) => byte === 0)) {
        this.ended = true;
        return;
      }
      await this.openEntry(header);
    }
  }

  /** Throws when the archive stopped in the middle of an entry. */
  async end(): Promise<void> {
    if (this.bodyLeft > 0) throw new Error('tar archive ended in the middle of an entry');
  }

  private async openEntry(header: Buffer): Promise<void> {
    const typeFlag = String.fromCharCode(header[156]!);
    const pax = this.nextPax;
    const size = pax.has('size') ? Number(pax.get('size')) : readNumber(header, 124, 12);
    this.bodyLeft = size;
    this.paddingLeft = (BLOCK - (size % BLOCK)) % BLOCK;
    if (typeFlag === 'x' || typeFlag === 'L' || typeFlag === 'K') {
      this.metaKind = typeFlag;
      this.metaChunks = [];
    } else if (typeFlag === 'g') {
      // global pax header: nothing image archives rely on
    } else {
      const prefix = header.toString('latin1', 257, 262) === 'ustar' ? readString(header, 345, 155) : '';
      const name = prefix ? `${prefix}/${readString(header, 0, 100)}` : readString(header, 0, 100);
      const numeric = (key: string, start: number): number => (pax.has(key) ? Number(pax.get(key)) : readNumber(header, start, 8));
      this.nextPax = new Map();
      this.sink = this.onEntry({
        path: normalizeTarPath(pax.get('path') ?? name),
        type: TYPES[typeFlag] ?? 'other',
        size,
        mode: readNumber(header, 100, 8) & 0o7777,
        uid: numeric('uid', 108),
        gid: numeric('gid', 116),
        linkTarget: pax.get('linkpath') ?? readString(header, 157, 100),
      });
    }
    if (size === 0) await this.closeEntry();
  }

  private async closeEntry(): Promise<void> {
    if (this.sink) await this.sink.end();
    this.sink = undefined;
    if (this.metaChunks) {
      const body = Buffer.concat(this.metaChunks);
      if (this.metaKind === 'x') for (const [key, value] of parsePax(body)) this.nextPax.set(key, value);
      else this.nextPax.set(this.metaKind === 'L' ? 'path' : 'linkpath', body.toString('utf8').replace(/\0+$/, ''));
      this.metaChunks = undefined;
    }
  }
}

/** Reads a whole archive stream with `onEntry`. */
export async function readTar(archive: AsyncIterable<Buffer>, onEntry: TarEntryHandler): Promise<void> {
  const parser = new TarParser(onEntry);
  for await (const chunk of archive) await parser.push(chunk);
  await parser.end();
}
