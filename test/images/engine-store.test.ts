/**
 * An image in the local engine's store is what `FROM` builds on here: the resolver asks the
 * engine first. Each engine that is usable builds a small image of its own from busybox and
 * reads it back; nothing is pulled or pushed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ImageResolver } from '../../src/images/index.ts';
import { ENGINES, usableEngine } from '../helpers/engines.ts';

const scratch = mkdtempSync(join(tmpdir(), 'tslint-docker-images-engine-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

for (const name of ENGINES) {
  const probe = await usableEngine(name, ['busybox'], 'image resolution from the engine store');
  describe.skipIf(!probe.engine)(`the ${name} store`, () => {
    const engine = probe.engine!;
    const tag = `tslint-docker-images-test/${name}:${process.pid}`;
    afterAll(() => engine.removeImages([tag]));

    it('answers for an image built here, with its config, and no registry is asked', async () => {
      const context = mkdtempSync(join(scratch, `${name}-`));
      writeFileSync(join(context, 'Dockerfile'), 'FROM busybox\nUSER 4242\nENV FROM_ENGINE=yes\nWORKDIR /work\n');
      const built = await engine.build({ contextDir: context, dockerfile: join(context, 'Dockerfile'), tag, network: 'host' });
      expect(built.ok, built.log).toBe(true);
      const resolver = new ImageResolver({ mode: 'resolve', engine, cacheDir: join(context, 'cache'), env: { DOCKER_CONFIG: context } });
      await resolver.prepare();
      const reference = tag;
      expect(resolver.lookup.image(reference)).toBeUndefined();
      // a guard: a request to a registry (docker.io, for this name) would leave the machine
      const requests = vi.spyOn(globalThis, 'fetch').mockRejectedValue(new Error('no registry in this test'));
      try {
        await resolver.resolveMisses();
        expect(requests).not.toHaveBeenCalled();
      } finally {
        requests.mockRestore();
      }
      const answer = resolver.lookup.image(reference);
      expect(answer).toMatchObject({ found: true, image: { source: 'engine', config: { user: '4242', workingDir: '/work' } } });
      expect(answer?.found && answer.image.config?.env.FROM_ENGINE).toBe('yes');
      expect(answer?.found && answer.image.digest).toBeUndefined();
      expect(resolver.takeWarnings()).toEqual([]);
      // the editor (cache only) sees the engine's last answer
      const offline = new ImageResolver({ mode: 'cache', cacheDir: join(context, 'cache') });
      expect(offline.lookup.image(reference)).toEqual(answer);
    });
  });
}
