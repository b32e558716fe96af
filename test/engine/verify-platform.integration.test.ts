import { readFile, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.ts';
import { DockerEngine } from '../../src/engine/docker.ts';
import { runCommand } from '../../src/engine/process.ts';
import type { Engine } from '../../src/engine/types.ts';
import { verifyOutcome } from '../../src/verify/outcome.ts';
import { verify } from '../../src/verify/verify.ts';
import type { VerifyReport } from '../../src/verify/types.ts';
import { usableEngine } from '../helpers/engines.ts';

/**
 * `verify --platform` with every engine usable here (scripts/start-engine.sh): the local
 * base images are linux/amd64 only and no registry is reachable, so linux/amd64 must build
 * and be recorded as such, and linux/arm64 must end in exit 2 with one line (the original
 * cannot build), never in a crash or in an amd64 image passed off as arm64.
 * test/fixtures/verify/platform prints the platform args and `uname -m` in a RUN, to see
 * that the engine itself honoured the flag.
 */
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const dockerfile = fileURLToPath(new URL('../fixtures/verify/platform/Dockerfile', import.meta.url));
const unchanged = (text: string) => ({ output: text, fixesApplied: [] });

interface Subject {
  label: string;
  engine?: Engine;
}

/** Docker as detected (BuildKit here), Docker's classic builder on the same daemon, Buildah, Podman. */
async function subjects(): Promise<Subject[]> {
  const docker = await usableEngine('docker', ['busybox'], 'verify --platform');
  const list: Subject[] = [{ label: 'docker', engine: docker.engine }];
  if (docker.engine && !docker.engine.description.includes('classic')) {
    const version = await runCommand('docker', ['version', '--format', '{{.Server.Version}}']);
    const serverVersion = version.stdout.trim();
    // DOCKER_BUILDKIT=0 selects the classic builder whatever the client's version
    list.push({ label: 'docker classic builder', engine: new DockerEngine({ cli: 'docker', mode: 'classic', serverVersion }) });
  }
  for (const name of ['buildah', 'podman'] as const) list.push({ label: name, engine: (await usableEngine(name, ['busybox'], 'verify --platform')).engine });
  return list;
}

/** The platform in the image config, as the engine's own CLI prints it. */
async function enginePlatform(engine: Engine, tag: string): Promise<string> {
  const args =
    engine.name === 'buildah'
      ? ['inspect', '--type', 'image', '--format', '{{.OCIv1.OS}}/{{.OCIv1.Architecture}}', tag]
      : ['image', 'inspect', '--format', '{{.Os}}/{{.Architecture}}', tag];
  const result = await runCommand(engine.name, args);
  expect(result.code, result.stderr).toBe(0);
  return result.stdout.trim();
}

/** What the fixture's RUN printed (the step headers show `$(uname -m)` unexpanded, so they do not match). */
function printedPlatform(lines: string[]): { platform: string; arch: string; machine: string } | undefined {
  for (const line of lines) {
    const match = /TARGETPLATFORM=(\S*) TARGETARCH=(\S*) machine=([\w-]+)\s*$/.exec(line);
    if (match) return { platform: match[1]!, arch: match[2]!, machine: match[3]! };
  }
  return undefined;
}

async function removeKeptWorkDir(report: VerifyReport): Promise<void> {
  if (report.original.logFile) await rm(dirname(report.original.logFile), { recursive: true, force: true });
}

const usable = await subjects();

for (const subject of usable) {
  describe.skipIf(!subject.engine)(`verify --platform with ${subject.label}`, () => {
    const engine = subject.engine!;
    const keptTags: string[] = [];
    afterAll(async () => {
      await engine.removeImages(keptTags);
    });

    it('linux/amd64 (the local images): both variants build, and the image is linux/amd64', async () => {
      const printed: string[] = [];
      const report = await verify(
        {
          dockerfile, engineInstance: engine, platform: 'linux/amd64', keepImages: true, cacheCheck: false,
          onEngineLine: (variant, line) => { if (variant === 'original') printed.push(line); },
        },
        unchanged,
      );
      keptTags.push(...[report.original.image, report.fixed.image].filter((tag): tag is string => tag !== null));
      expect(report.original.built, report.original.logFile).toBe(true);
      expect(report.fixed.built, report.fixed.logFile).toBe(true);
      expect(verifyOutcome(report).exitCode).toBe(0);
      expect(report.platform).toBe('linux/amd64');
      expect(report.engine).toBe(engine.description);
      for (const tag of [report.original.image!, report.fixed.image!]) expect(await enginePlatform(engine, tag)).toBe('linux/amd64');

      const seen = printedPlatform(printed);
      expect(seen, printed.join('\n')).toBeDefined();
      expect(seen!.machine).toBe('x86_64');
      // BuildKit and Buildah set the automatic platform args from --platform; the classic
      // builder does not set them at all, so there only the image config can show the platform
      if (engine.description.includes('classic')) expect(seen).toMatchObject({ platform: '', arch: '' });
      else expect(seen).toMatchObject({ platform: 'linux/amd64', arch: 'amd64' });
    }, 180_000);

    it('linux/arm64 (no such local image, no registry): exit 2 with one line and the engine log, nothing measured', async () => {
      const report = await verify({ dockerfile, engineInstance: engine, platform: 'linux/arm64', cacheCheck: false }, unchanged);
      try {
        expect(report.original.built).toBe(false);
        expect(report.fixed.built).toBe(false);
        expect(report.original.sizeBytes).toBeNull();
        const outcome = verifyOutcome(report);
        expect(outcome.exitCode).toBe(2);
        expect(outcome.message).not.toContain('\n');
        expect(outcome.message).toContain(`log: ${report.original.logFile}`);
        const log = await readFile(report.original.logFile!, 'utf8');
        if (engine.description.includes('classic')) {
          // measured: the classic builder takes the local amd64 busybox and exits 0
          expect(report.original.failure).toBe(`${engine.description} built linux/amd64, not the requested linux/arm64`);
          expect(outcome.message).toContain('built linux/amd64, not the requested linux/arm64');
          expect(log).toMatch(/Successfully built/);
        } else {
          expect(report.original.failure).toBeUndefined();
          expect(outcome.message).toContain(`does not build for linux/arm64 with ${engine.description}`);
          // BuildKit looks for busybox in the registry, Buildah/Podman (--pull=never) in their store
          expect(log).toMatch(/busybox/);
          expect(log).toMatch(/no such host|image not known|not found|failed to (solve|resolve|do request)/i);
        }
      } finally {
        await removeKeptWorkDir(report);
      }
    }, 180_000);
  });
}

// Buildah first: it fails fastest on a platform it has no image for
const anyEngine = ['buildah', 'podman', 'docker'].map((label) => usable.find((s) => s.label === label)!.engine).find((engine) => engine !== undefined);
// builds nothing: any docker that answers will do, with or without images
const dockerWithoutBuildx = (await usableEngine('docker', [], 'verify --builder')).engine !== undefined && (await runCommand('docker', ['buildx', 'version'])).code !== 0;

describe('verify CLI: --platform and --builder end to end', () => {

  it.skipIf(!anyEngine)('--platform linux/arm64: exit 2, one line on stderr naming the platform', async () => {
    const run = await runCli(['verify', dockerfile, '--engine', anyEngine!.name, '--platform', 'linux/arm64'], repoRoot);
    expect(run.code, run.stderr).toBe(2);
    const lines = run.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^tslint-docker verify: the original Dockerfile does not build for linux\/arm64 with .*; log: \/\S+original\.build\.log$/);
    await rm(dirname(/log: (\S+)$/.exec(lines[0]!)![1]!), { recursive: true, force: true });
  }, 180_000);

  it.skipIf(!dockerWithoutBuildx)('--builder without the buildx plugin: exit 2 and one line, no fallback to another engine', async () => {
    const run = await runCli(['verify', dockerfile, '--builder', 'ci-builder'], repoRoot);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^tslint-docker verify: --builder ci-builder needs the docker buildx plugin, which is not installed \(`docker buildx version` fails for \S+docker.*\); install it, or drop --builder\n$/);
  }, 60_000);
});
