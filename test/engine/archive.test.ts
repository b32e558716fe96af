import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { scanImageArchive } from '../../src/engine/image-files.ts';

const measureCompressedLayers = async (archive: AsyncIterable<Buffer>): Promise<number> =>
  (await scanImageArchive(archive, { selection: { paths: [] }, measure: true })).compressedBytes;

const work = mkdtempSync(join(tmpdir(), 'archive-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** a layer tar made by the system tar, as an engine would export it */
function makeLayer(name: string, content: Buffer): Buffer {
  const dir = join(work, `${name}-root`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'file'), content);
  return execFileSync('tar', ['-C', dir, '-cf', '-', 'file']);
}

function tarOf(dir: string): Buffer {
  return execFileSync('tar', ['--format=pax', '-C', dir, '-cf', '-', '.']);
}

async function* chunks(buffer: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < buffer.length; i += size) yield buffer.subarray(i, i + size);
}

const random = makeLayer('random', randomBytes(300_000));
const zeros = makeLayer('zeros', Buffer.alloc(500_000));
const expected = gzipSync(random).length + gzipSync(zeros).length;

describe('scanImageArchive: compressed size, layer listings, history', () => {
  it('gzips each layer of a docker-save archive (manifest.json), in odd-sized chunks', async () => {
    const dir = join(work, 'docker');
    // a long directory name exercises pax path records
    const longDir = `${'a'.repeat(120)}`;
    mkdirSync(join(dir, longDir), { recursive: true });
    mkdirSync(join(dir, 'b'), { recursive: true });
    writeFileSync(join(dir, longDir, 'layer.tar'), random);
    writeFileSync(join(dir, 'b', 'layer.tar'), zeros);
    const history = [{ created_by: 'ADD file:1 in /' }, { created_by: 'ENV A=b', empty_layer: true }, { created_by: 'RUN x # buildkit' }];
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ history }));
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify([{ Config: 'config.json', Layers: [`${longDir}/layer.tar`, 'b/layer.tar'] }]));
    const archive = tarOf(dir);
    expect(await measureCompressedLayers(chunks(archive, 7777))).toBe(expected);
    // in the same pass: each layer's entries, bottom first, and the config's history
    const scan = await scanImageArchive(chunks(archive, 4096), { selection: { paths: [] }, list: true, measure: true });
    expect(scan.compressedBytes).toBe(expected);
    expect(scan.layers).toEqual([
      { files: [{ path: '/file', type: 'file', size: 300_000 }], deleted: [], opaque: [] },
      { files: [{ path: '/file', type: 'file', size: 500_000 }], deleted: [], opaque: [] },
    ]);
    expect(scan.history).toEqual([
      { createdBy: 'ADD file:1 in /', emptyLayer: false },
      { createdBy: 'ENV A=b', emptyLayer: true },
      { createdBy: 'RUN x # buildkit', emptyLayer: false },
    ]);
  });

  it('follows an OCI index to the manifest, and counts already-gzipped blobs as they are', async () => {
    const dir = join(work, 'oci');
    mkdirSync(join(dir, 'blobs', 'sha256'), { recursive: true });
    const blob = (content: Buffer): string => {
      const hex = createHash('sha256').update(content).digest('hex');
      writeFileSync(join(dir, 'blobs', 'sha256', hex), content);
      return `sha256:${hex}`;
    };
    const gzipped = gzipSync(zeros, { level: 9 });
    const manifest = Buffer.from(JSON.stringify({ layers: [{ digest: blob(random) }, { digest: blob(gzipped) }] }));
    writeFileSync(join(dir, 'index.json'), JSON.stringify({ manifests: [{ digest: blob(manifest) }] }));
    const archive = tarOf(dir);
    expect(await measureCompressedLayers(chunks(archive, 65536))).toBe(gzipSync(random).length + gzipped.length);
  });

  it('rejects an archive without a manifest instead of guessing', async () => {
    const dir = join(work, 'empty');
    mkdirSync(dir);
    writeFileSync(join(dir, 'x'), 'x');
    await expect(measureCompressedLayers(chunks(tarOf(dir), 512))).rejects.toThrow(/neither/);
    expect(readFileSync(join(dir, 'x'), 'utf8')).toBe('x');
  });
});
