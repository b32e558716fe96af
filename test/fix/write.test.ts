import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/fix/write.ts';

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

  it('leaves no temporary file when the write fails', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'file'), '');
    expect(() => writeFileAtomic(join(dir, 'file', 'below'), 'x')).toThrow();
    expect(readdirSync(dir)).toEqual(['file']);
  });
});
