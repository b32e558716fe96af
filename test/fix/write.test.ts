import { chmodSync, chownSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileAtomic, WriteError } from '../../src/fix/write.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tslint-docker-write-'));
  dirs.push(dir);
  return dir;
}

describe('writeFileAtomic', () => {
  it('replaces a file, keeping its permissions', () => {
    const dir = tempDir();
    const file = join(dir, 'Dockerfile');
    writeFileSync(file, 'FROM a\n');
    chmodSync(file, 0o640);
    writeFileAtomic(file, 'FROM b\n');
    expect(readFileSync(file, 'utf8')).toBe('FROM b\n');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['Dockerfile']);
  });

  it('creates a new file from bytes, with the default permissions', () => {
    const dir = tempDir();
    const file = join(dir, 'cache');
    writeFileAtomic(file, Buffer.from('h\u00e9\n'));
    expect(readFileSync(file, 'utf8')).toBe('h\u00e9\n');
    // what a plain write gives a new file here (0666 less the umask)
    writeFileSync(join(dir, 'plain'), '');
    expect(statSync(file).mode & 0o777).toBe(statSync(join(dir, 'plain')).mode & 0o777);
    expect(readdirSync(dir).sort()).toEqual(['cache', 'plain']);
  });

  it('follows a symlink: the target is written, the link stays a link', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'real.Dockerfile'), 'FROM a\n');
    symlinkSync('real.Dockerfile', join(dir, 'Dockerfile'));
    writeFileAtomic(join(dir, 'Dockerfile'), 'FROM b\n');
    expect(lstatSync(join(dir, 'Dockerfile')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'Dockerfile'))).toBe('real.Dockerfile');
    expect(readFileSync(join(dir, 'real.Dockerfile'), 'utf8')).toBe('FROM b\n');
    expect(readdirSync(dir).sort()).toEqual(['Dockerfile', 'real.Dockerfile']);
  });

  it('does not write a file without write permission (root included), and leaves it as it was', () => {
    const dir = tempDir();
    const file = join(dir, 'Dockerfile');
    writeFileSync(file, 'FROM a\n');
    chmodSync(file, 0o444);
    const before = statSync(file);
    expect(() => writeFileAtomic(file, 'FROM b\n')).toThrow(new WriteError('no write permission'));
    expect(readFileSync(file, 'utf8')).toBe('FROM a\n');
    const after = statSync(file);
    expect([after.mode, after.uid, after.gid, after.ino]).toEqual([before.mode, before.uid, before.gid, before.ino]);
    expect(readdirSync(dir)).toEqual(['Dockerfile']);
  });

  it.skipIf(process.getuid?.() !== 0)('keeps the owner and group of the file it replaces (as root: any owner)', () => {
    const dir = tempDir();
    const file = join(dir, 'Dockerfile');
    writeFileSync(file, 'FROM a\n');
    chownSync(file, 1234, 5678);
    chmodSync(file, 0o664);
    writeFileAtomic(file, 'FROM b\n');
    const after = statSync(file);
    expect([after.uid, after.gid, after.mode & 0o7777]).toEqual([1234, 5678, 0o664]);
    expect(readFileSync(file, 'utf8')).toBe('FROM b\n');
  });

  it('leaves no temporary file when the write fails, and names no temporary file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'file'), '');
    expect(() => writeFileAtomic(join(dir, 'file', 'below'), 'x')).toThrow(WriteError);
    expect(() => writeFileAtomic(join(dir, 'file', 'below'), 'x')).toThrow(/^ENOTDIR: not a directory$/);
    expect(readdirSync(dir)).toEqual(['file']);
  });

});
