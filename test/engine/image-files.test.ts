import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { diffFiles, readCopiedPath, readImageArchive, type ImageFile, type ImageFiles } from '../../src/engine/image-files.ts';

const work = mkdtempSync(join(tmpdir(), 'image-files-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

/** a directory tree as the system tar archives it: paths ending in / are directories, `->` makes a symlink, `=>` a hardlink */
function tree(name: string, entries: Record<string, string>): string {
  const root = join(work, name);
  for (const [path, content] of Object.entries(entries)) {
    const full = join(root, path);
    if (path.endsWith('/')) mkdirSync(full, { recursive: true });
    else {
      mkdirSync(join(full, '..'), { recursive: true });
      if (content.startsWith('-> ')) symlinkSync(content.slice(3), full);
      else if (content.startsWith('=> ')) linkSync(join(root, content.slice(3)), full);
      else writeFileSync(full, content);
    }
  }
  return root;
}

function tarOf(dir: string, ...extra: string[]): Buffer {
  return execFileSync('tar', ['--format=pax', '--sort=name', ...extra, '-C', dir, '-cf', '-', '.']);
}

async function* chunks(buffer: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < buffer.length; i += size) yield buffer.subarray(i, i + size);
}

const summary = (files: ImageFiles): Record<string, string> =>
  Object.fromEntries([...files.values()].map((f) => [f.path, `${f.type} ${f.mode.toString(8)} ${f.uid}:${f.gid}${f.linkTarget ? ` ${f.linkTarget}` : ''}${f.sha256 ? ` ${f.sha256.slice(0, 8)}` : ''}`]));

// three layers: the second deletes a file (whiteout), hides a directory's old content (opaque
// whiteout) and rewrites a file with another mode and owner; the third replaces a directory by a file
const layer1 = tree('layer1', {
  'etc/a': 'one\n',
  'etc/keep': 'v1\n',
  'etc/link': '-> keep',
  'opt/dir/x': 'x\n',
  'srv/sub/deep': 'deep\n',
  'usr/bin/tool': 'tool\n',
  'usr/bin/tool2': '=> usr/bin/tool',
});
const layer2 = tree('layer2', { 'etc/.wh.a': '', 'etc/keep': 'v2\n', 'opt/dir/.wh..wh..opq': '', 'opt/dir/y': 'y\n' });
chmodSync(join(layer2, 'etc/keep'), 0o4750);
const layer3 = tree('layer3', { srv: 'now a file\n' });
const layerTars = [tarOf(layer1, '--owner=0', '--group=0', '--numeric-owner'), tarOf(layer2, '--owner=1000', '--group=50', '--numeric-owner'), tarOf(layer3, '--owner=0', '--group=0', '--numeric-owner')];

const expectedImage = {
  // the second layer's tar holds /etc itself: its owner wins
  '/etc': 'directory 755 1000:50',
  '/etc/keep': `file 4750 1000:50 ${sha('v2\n').slice(0, 8)}`,
  '/etc/link': 'symlink 777 0:0 keep',
  '/opt/dir': 'directory 755 1000:50',
  '/opt/dir/y': `file 644 1000:50 ${sha('y\n').slice(0, 8)}`,
  '/srv': `file 644 0:0 ${sha('now a file\n').slice(0, 8)}`,
  '/usr/bin/tool': `file 644 0:0 ${sha('tool\n').slice(0, 8)}`,
  // a hardlink is read as the file it links to
  '/usr/bin/tool2': `file 644 0:0 ${sha('tool\n').slice(0, 8)}`,
};
const selection = { paths: ['/etc', '/opt/dir', '/srv', '/usr/bin/tool', '/usr/bin/tool2'] };

describe('readImageArchive', () => {
  it('applies the layers of a docker-save archive in manifest order, honouring whiteouts', async () => {
    // the archive stores the layers in another order than the manifest applies them
    const dir = tree('docker-save', { 'manifest.json': JSON.stringify([{ Config: 'c.json', Layers: ['zz/layer.tar', 'aa/layer.tar', 'mm/layer.tar'] }]), 'c.json': '{}' });
    mkdirSync(join(dir, 'zz'));
    mkdirSync(join(dir, 'aa'));
    mkdirSync(join(dir, 'mm'));
    writeFileSync(join(dir, 'zz/layer.tar'), layerTars[0]!);
    writeFileSync(join(dir, 'aa/layer.tar'), layerTars[1]!);
    writeFileSync(join(dir, 'mm/layer.tar'), layerTars[2]!);
    const files = await readImageArchive(chunks(tarOf(dir), 1000), selection);
    expect(summary(files)).toEqual(expectedImage);
  });

  it('reads an OCI archive whose layers are gzipped blobs', async () => {
    const dir = tree('oci', { 'blobs/sha256/': '' });
    const blob = (content: Buffer): string => {
      const hex = createHash('sha256').update(content).digest('hex');
      writeFileSync(join(dir, 'blobs/sha256', hex), content);
      return `sha256:${hex}`;
    };
    const layers = layerTars.map((tar, i) => ({ digest: blob(i === 1 ? tar : gzipSync(tar)) }));
    const manifest = Buffer.from(JSON.stringify({ layers }));
    writeFileSync(join(dir, 'index.json'), JSON.stringify({ manifests: [{ digest: blob(manifest) }] }));
    const files = await readImageArchive(chunks(tarOf(dir), 4096), selection);
    expect(summary(files)).toEqual(expectedImage);
  });

  it('reads only the selected paths, and their bytes when asked', async () => {
    const dir = tree('docker-save-one', { 'manifest.json': JSON.stringify([{ Layers: ['l/layer.tar'] }]), 'l/': '' });
    writeFileSync(join(dir, 'l/layer.tar'), layerTars[0]!);
    const files = await readImageArchive(chunks(tarOf(dir), 512), { paths: ['/etc/keep'], bodies: true });
    expect([...files.keys()]).toEqual(['/etc/keep']);
    expect(files.get('/etc/keep')!.body!.toString()).toBe('v1\n');
  });
});

describe('readCopiedPath', () => {
  it('maps the entries of a `docker cp CONTAINER:/srv/app -` stream back to absolute paths', async () => {
    const parent = tree('copied', { 'app/a': 'a\n', 'app/b': '=> app/a', 'app/sub/': '' });
    const stream = execFileSync('tar', ['--format=pax', '-C', parent, '-cf', '-', 'app']);
    const files = await readCopiedPath(chunks(stream, 300), '/srv/app', { bodies: true });
    expect([...files.keys()].sort()).toEqual(['/srv/app', '/srv/app/a', '/srv/app/b', '/srv/app/sub']);
    expect(files.get('/srv/app/b')!.sha256).toBe(sha('a\n'));
    expect(files.get('/srv/app/a')!.body!.toString()).toBe('a\n');
  });
});

describe('diffFiles', () => {
  const file = (path: string, over: Partial<ImageFile> = {}): ImageFile => ({ path, type: 'file', mode: 0o644, uid: 0, gid: 0, size: 2, sha256: 'aa', ...over });
  const map = (...files: ImageFile[]): ImageFiles => new Map(files.map((f) => [f.path, f]));

  it('names every difference of presence, type, bytes, link, mode and owner, by path', () => {
    const before = map(file('/a'), file('/b'), file('/c'), file('/d', { type: 'symlink', linkTarget: 'x', sha256: undefined }), file('/e'), file('/f'));
    const after = map(file('/b', { sha256: 'bb' }), file('/c', { type: 'directory', sha256: undefined }), file('/d', { type: 'symlink', linkTarget: 'y', sha256: undefined }), file('/e', { mode: 0o755, uid: 1 }), file('/f'), file('/g'));
    expect(diffFiles(before, after)).toEqual([
      { path: '/a', change: 'removed' },
      { path: '/b', change: 'content' },
      { path: '/c', change: 'type' },
      { path: '/d', change: 'link' },
      { path: '/e', change: 'mode' },
      { path: '/e', change: 'owner' },
      { path: '/g', change: 'added' },
    ]);
  });
});
