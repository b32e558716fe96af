import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { countBuildahSteps, countBuildKitSteps, countClassicSteps } from '../../src/engine/build-log.ts';
import { instructionOfHistory, parseBuildahInspect, parseDockerHistory, parseDockerInspect, parsePodmanHistory } from '../../src/engine/history.ts';
import { diffConfig } from '../../src/engine/image-config.ts';
import { dockerRunArgs } from '../../src/engine/docker.ts';
import { alignLayers } from '../../src/verify/align.ts';
import { builtInstructionChain } from '../../src/verify/instructions.ts';
import { parseListedSize } from '../helpers/engines.ts';

const recorded = (name: string): string => readFileSync(fileURLToPath(new URL(`../fixtures/engine-output/${name}`, import.meta.url)), 'utf8');
const dockerfile = recorded('Dockerfile');
const chain = builtInstructionChain(dockerfile);
const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);

describe('step counting on recorded build logs', () => {
  // the Dockerfile has 5 filesystem steps: WORKDIR, COPY, RUN, COPY, RUN (ENV and CMD are metadata)
  it('BuildKit: first build runs all, a repeat is all CACHED, a source edit re-runs the last COPY and RUN', () => {
    expect(countBuildKitSteps(recorded('buildkit-build-first.log'))).toEqual({ run: 5, cached: 0, total: 5 });
    expect(countBuildKitSteps(recorded('buildkit-build-cached.log'))).toEqual({ run: 0, cached: 5, total: 5 });
    expect(countBuildKitSteps(recorded('buildkit-build-source-edit.log'))).toEqual({ run: 2, cached: 3, total: 5 });
  });

  it('classic builder: "Using cache" marks cached steps', () => {
    expect(countClassicSteps(recorded('classic-build-first.log'))).toEqual({ run: 5, cached: 0, total: 5 });
    expect(countClassicSteps(recorded('classic-build-source-edit.log'))).toEqual({ run: 2, cached: 3, total: 5 });
  });

  it('buildah --layers: "--> Using cache" marks cached steps', () => {
    expect(countBuildahSteps(recorded('buildah-build-first.log'))).toEqual({ run: 5, cached: 0, total: 5 });
    expect(countBuildahSteps(recorded('buildah-build-source-edit.log'))).toEqual({ run: 2, cached: 3, total: 5 });
  });

  it('understands multi-stage prefixes of BuildKit and buildah', () => {
    const buildkit = '#5 [builder 2/3] RUN make\n#5 CACHED\n#6 [stage-1 2/2] COPY --from=builder /a /a\n#6 DONE 0.1s\n';
    expect(countBuildKitSteps(buildkit)).toEqual({ run: 1, cached: 1, total: 2 });
    const buildah = '[1/2] STEP 1/2: FROM busybox AS builder\n[1/2] STEP 2/2: RUN make\n--> Using cache abc\n[2/2] STEP 1/2: FROM busybox\n[2/2] STEP 2/2: COPY --from=builder /a /a\n--> 123\n';
    expect(countBuildahSteps(buildah)).toEqual({ run: 1, cached: 1, total: 2 });
  });
});

describe('history parsing and alignment on recorded engine output', () => {
  it('classifies created_by of every engine', () => {
    expect(instructionOfHistory('RUN /bin/sh -c rm /big # buildkit')).toBe('RUN');
    expect(instructionOfHistory('COPY . . # buildkit')).toBe('COPY');
    expect(instructionOfHistory('/bin/sh -c #(nop)  ENV APP=/app')).toBe('ENV');
    expect(instructionOfHistory('/bin/sh -c #(nop) COPY dir:abc in . ')).toBe('COPY');
    expect(instructionOfHistory('/bin/sh -c dd if=/dev/zero of=/big')).toBe('RUN');
    expect(instructionOfHistory('|1 VERSION=2 /bin/sh -c make')).toBe('RUN');
    expect(instructionOfHistory('/bin/busybox --install -s /bin')).toBe('RUN');
  });

  it('BuildKit history: sizes sum to the inspect Size and align with lines', () => {
    const history = parseDockerHistory(recorded('buildkit-history.jsonl'));
    const facts = parseDockerInspect(recorded('buildkit-inspect.json'), history);
    expect(facts.sizeBytes).toBe(2292867);
    expect(sum(history.map((entry) => entry.sizeBytes))).toBe(facts.sizeBytes);
    const rows = alignLayers(chain, history);
    expect(rows.map((row) => [row.line, row.sizeBytes])).toEqual([
      [1, 1982256 + 3216], // busybox base: its COPY and RUN layers
      [2, 0],
      [3, 0],
      [4, 13], // package.json
      [5, 307200], // the 300 kB dd
      [6, 182],
      [7, 0], // rm: a whiteout, no bytes
      [8, 0],
    ]);
    expect(sum(rows.map((row) => row.sizeBytes))).toBe(facts.sizeBytes);
    expect(rows[4]!.instruction).toBe('RUN dd if=/dev/zero of=/big bs=1k count=300 && wc -c package.json');
  });

  it('classic builder history aligns the same way', () => {
    const rows = alignLayers(chain, parseDockerHistory(recorded('classic-history.jsonl')));
    expect(rows.map((row) => row.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(rows[4]!.sizeBytes).toBe(307200);
    expect(rows[0]!.sizeBytes).toBe(1982256 + 3216);
  });

  it('buildah inspect: manifest layer sizes pair with non-empty history entries', () => {
    const facts = parseBuildahInspect(recorded('buildah-inspect.json'));
    expect(facts.layerCount).toBe(6);
    expect(facts.sizeBytes).toBe(1984512 + 138752 + 2560 + 312832 + 4608 + 2048);
    const rows = alignLayers(chain, facts.history);
    expect(rows.map((row) => [row.line, row.sizeBytes])).toEqual([
      [1, 1984512 + 138752],
      [2, 0],
      [3, 0],
      [4, 2560],
      [5, 312832],
      [6, 4608],
      [7, 2048],
      [8, 0],
    ]);
    expect(sum(rows.map((row) => row.sizeBytes))).toBe(facts.sizeBytes);
  });

  it('podman history (JSON array, newest first) reads oldest first', () => {
    const history = parsePodmanHistory(recorded('podman-history.json'));
    expect(history[0]!.createdBy).toContain('COPY file:');
    expect(history.at(-1)!.createdBy).toContain('CMD');
    expect(alignLayers(chain, history)[4]!.sizeBytes).toBe(312832);
  });

  it('an instruction missing from history gets 0 bytes and the rest still aligns', () => {
    const text = 'FROM busybox\nARG V=1\nRUN echo $V > /v\n';
    const history = [
      { createdBy: '/bin/sh -c #(nop) ADD file:x in /', emptyLayer: false, sizeBytes: 100 },
      { createdBy: '|1 V=1 /bin/sh -c echo $V > /v', emptyLayer: false, sizeBytes: 2 },
    ];
    expect(alignLayers(builtInstructionChain(text), history).map((row) => [row.line, row.sizeBytes])).toEqual([
      [1, 100],
      [2, 0],
      [3, 2],
    ]);
  });
});

describe('image sizes as buildah and podman list them (the integration test checks verify against them)', () => {
  it('one line per name of the image: 307 MB twice is 307 MB', () => {
    expect(parseListedSize(recorded('podman-images-size.txt'))).toBe(307e6);
    expect(parseListedSize('2.13 MB\n')).toBe(2.13e6);
    expect(parseListedSize('512 B')).toBe(512);
    expect(parseListedSize('1.5 kB\r\n1.5 kB\r\n')).toBe(1500);
  });

  it('refuses what is not one size: two images, no image, another unit', () => {
    expect(() => parseListedSize('307 MB\n2.13 MB\n')).toThrow(/not one image size/);
    expect(() => parseListedSize('')).toThrow(/not one image size/);
    expect(() => parseListedSize('3 MiB')).toThrow(/not one image size/);
  });
});

describe('image configuration from recorded inspect output', () => {
  it('docker and buildah describe the same Dockerfile (ENV, WORKDIR, CMD) in one shape', () => {
    const docker = parseDockerInspect(recorded('buildkit-inspect.json'), []).config;
    const buildah = parseBuildahInspect(recorded('buildah-inspect.json')).config;
    expect(docker).toMatchObject({ Env: ['APP=/app', 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], Cmd: ['sh'], Entrypoint: null, WorkingDir: '/app', User: '', Labels: {} });
    // buildah labels its images with its version; nothing else differs
    expect(diffConfig(docker, buildah)).toEqual(['Labels']);
    expect(buildah.Labels).toEqual({ 'io.buildah.version': '1.28.2' });
  });

  it('compares Env and Labels as sets, Cmd as a list', () => {
    const config = (body: object) => parseDockerInspect(JSON.stringify(body), []).config;
    const base = config({ Config: { Env: ['B=1', 'A=2'], Labels: { y: '1', x: '2' }, Cmd: ['sh'] } });
    expect(diffConfig(base, config({ Config: { Env: ['A=2', 'B=1'], Labels: { x: '2', y: '1' }, Cmd: ['sh'] } }))).toEqual([]);
    expect(diffConfig(base, config({ Config: { Env: ['A=2', 'B=1'], Labels: { x: '2', y: '1' }, Cmd: ['/bin/sh', '-c', 'sh'] }, Author: 'me' }))).toEqual(['Cmd', 'Author']);
  });
});

describe('dockerRunArgs', () => {
  it('runs without network; a multi-word entrypoint puts its tail before the arguments', () => {
    expect(dockerRunArgs('img', { args: ['id', '-u'] }, 'c1')).toEqual(['run', '--rm', '--network', 'none', '--name', 'c1', 'img', 'id', '-u']);
    expect(dockerRunArgs('img', { entrypoint: ['/bin/sh', '-c'], args: ['echo hi'] }, 'c1')).toEqual(['run', '--rm', '--network', 'none', '--name', 'c1', '--entrypoint', '/bin/sh', 'img', '-c', 'echo hi']);
    expect(dockerRunArgs('img', { entrypoint: [], args: [] }, 'c1')).toEqual(['run', '--rm', '--network', 'none', '--name', 'c1', '--entrypoint', '', 'img']);
  });
});
