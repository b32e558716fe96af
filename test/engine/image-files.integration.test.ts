/**
 * The two ways of reading an image's files agree on real images: Docker's `docker cp` from a
 * created container, and the saved archive's layers (`docker save`, and Buildah's OCI archive).
 * The image deletes, replaces, chmods, chowns and hardlinks files across layers.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readImageArchive, type ImageFiles } from '../../src/engine/image-files.ts';
import { spawnStreaming } from '../../src/engine/process.ts';
import { usableEngine } from '../helpers/engines.ts';

const DOCKERFILE = `FROM busybox
RUN mkdir -p /data/keep /data/gone /data/opaque && echo one > /data/keep/a && echo two > /data/gone/b && echo three > /data/opaque/c && ln -s a /data/keep/link
RUN rm -rf /data/gone && rm -rf /data/opaque && mkdir /data/opaque && echo four > /data/opaque/d && ln /data/keep/a /data/keep/hard && chown 12:34 /data/keep/a && chmod 4750 /data/keep/a
`;
const SELECTION = { paths: ['/data', '/bin/sh'] };

const dir = mkdtempSync(join(tmpdir(), 'image-files-integration-'));
writeFileSync(join(dir, 'Dockerfile'), DOCKERFILE);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const summary = (files: ImageFiles): string[] =>
  [...files.values()].map((f) => `${f.path} ${f.type} ${f.mode.toString(8)} ${f.uid}:${f.gid} ${f.linkTarget ?? ''} ${f.sha256?.slice(0, 12) ?? ''}`).sort();

for (const name of ['docker', 'buildah'] as const) {
  const { engine } = await usableEngine(name, ['busybox'], 'image-files integration');

  describe.skipIf(!engine)(`reading an image's files with ${name}`, () => {
    const tag = `tslint-docker-image-files-${process.pid}:${name}`;
    afterAll(() => engine!.removeImages([tag]));

    it('the archive layers and the engine agree, whiteouts and opaque directories applied', async () => {
      const built = await engine!.build({ contextDir: dir, dockerfile: join(dir, 'Dockerfile'), tag, network: 'host' });
      expect(built.ok, built.log).toBe(true);
      const files = await engine!.readFiles(tag, SELECTION);
      expect(summary(files)).toEqual(expect.arrayContaining([expect.stringMatching(/^\/data\/keep\/a file 4750 12:34/), expect.stringMatching(/^\/data\/keep\/link symlink 777 0:0 a/)]));
      expect([...files.keys()].filter((p) => p.startsWith('/data/')).sort()).toEqual(['/data/keep', '/data/keep/a', '/data/keep/hard', '/data/keep/link', '/data/opaque', '/data/opaque/d']);
      // a hardlink reads as the file it links to
      expect(files.get('/data/keep/hard')!.sha256).toBe(files.get('/data/keep/a')!.sha256);
      if (name === 'docker') {
        const saved = spawnStreaming('docker', ['save', tag]);
        const fromArchive = await readImageArchive(saved.stdout, SELECTION);
        expect((await saved.done).code).toBe(0);
        expect(summary(fromArchive)).toEqual(summary(files));
      }
    }, 120_000);
  });
}
