/**
 * An engine that builds but cannot describe the image (inspect or save fails, e.g. the daemon
 * went away) ends verify with exit 2 and one line, not the CLI's internal-error path. The
 * engine here is a test double: the failure cannot be provoked on a healthy daemon.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/types.ts';
import { verifyErrorOutcome } from '../../src/verify/outcome.ts';
import { verify } from '../../src/verify/verify.ts';

const buildsButCannotInspect: Engine = {
  name: 'docker',
  description: 'docker (test double)',
  build: async () => ({ ok: true, seconds: 0.1, log: '', steps: { run: 1, cached: 0, total: 1 } }),
  inspect: async () => { throw new Error('Cannot connect to the Docker daemon at unix:///var/run/docker.sock\nIs the daemon running?'); },
  scanImage: async () => ({ files: new Map(), layers: [], compressedBytes: 0, history: [] }),
  readFiles: async () => new Map(),
  run: async () => ({ exitCode: 0, stdout: '', stderr: '' }),
  removeImages: async () => undefined,
  listImageNames: async () => [],
  storedImage: async () => undefined,
};

describe('verify when the engine cannot read back what it built', () => {
  it('rejects with one line that exits 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tslint-docker-read-failure-'));
    writeFileSync(join(dir, 'Dockerfile'), 'FROM busybox\nRUN true\n');
    const noFixes = (text: string) => ({ output: text, fixesApplied: [] });
    const options = { dockerfile: join(dir, 'Dockerfile'), engineInstance: buildsButCannotInspect, cacheCheck: false };
    const error = await verify(options, noFixes).catch((e: unknown) => e);
    rmSync(dir, { recursive: true, force: true });
    const outcome = verifyErrorOutcome(error);
    expect(outcome?.exitCode).toBe(2);
    expect(outcome?.message).toBe(
      'docker (test double) built the original image but could not read it back (inspect/save): Cannot connect to the Docker daemon at unix:///var/run/docker.sock',
    );
  });
});
