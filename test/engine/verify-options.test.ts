import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.ts';
import { detectEngine } from '../../src/engine/detect.ts';
import { NoEngineError } from '../../src/engine/types.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const dockerfile = fileURLToPath(new URL('../fixtures/verify/platform/Dockerfile', import.meta.url));

/**
 * A stand-in `docker` with the buildx plugin. It exists because no buildx plugin is installed
 * on the machine these tests were written on (and none installs from Debian bookworm or npm),
 * so the `--builder` command line cannot be run for real here. It answers only what detection
 * and one build ask, as buildx prints it, and writes the argv of `buildx build` to
 * $FAKE_DOCKER_ARGV, one argument a line. FAKE_DOCKER_BUILDX=absent makes it a docker without
 * the plugin. Shell builtins only: PATH holds nothing else.
 */
const FAKE_DOCKER = `#!/bin/sh
case "$1 $2" in
  "version --format") echo '{"Client":{"Version":"27.3.1"},"Server":{"Version":"27.3.1"}}' ;;
  "buildx version")
    if [ "$FAKE_DOCKER_BUILDX" = absent ]; then echo "docker: 'buildx' is not a docker command." >&2; exit 1; fi
    echo 'github.com/docker/buildx v0.17.1 257815a' ;;
  "buildx inspect")
    if [ "$3" != ci-builder ]; then echo "ERROR: no builder \\"$3\\" found" >&2; exit 1; fi
    printf 'Name:   ci-builder\\nDriver: docker-container\\n' ;;
  "buildx build")
    printf '%s\\n' "$@" > "$FAKE_DOCKER_ARGV"
    printf '#1 [internal] load build definition from original.Dockerfile\\n#1 DONE 0.0s\\n#5 [2/2] RUN true\\n#5 DONE 0.1s\\n' >&2 ;;
  *) echo "fake docker: not faked: $*" >&2; exit 1 ;;
esac
`;

describe('buildx argument construction (unit test: a fake docker stands in for the missing buildx plugin)', () => {
  let dir = '';
  let argvFile = '';
  const saved = { PATH: process.env.PATH, FAKE_DOCKER_ARGV: process.env.FAKE_DOCKER_ARGV, FAKE_DOCKER_BUILDX: process.env.FAKE_DOCKER_BUILDX };
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tslint-docker-fake-docker-'));
    argvFile = join(dir, 'argv.txt');
    await writeFile(join(dir, 'docker'), FAKE_DOCKER);
    await chmod(join(dir, 'docker'), 0o755);
    // only the fake on PATH: detection must not find a real docker, buildah or podman
    process.env.PATH = dir;
    process.env.FAKE_DOCKER_ARGV = argvFile;
  });
  afterEach(() => {
    delete process.env.FAKE_DOCKER_BUILDX;
  });
  afterAll(async () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await rm(dir, { recursive: true, force: true });
  });

  it('builds with docker buildx build --builder NAME --load --allow network.host and the common flags', async () => {
    const engine = await detectEngine('auto', { builder: 'ci-builder' });
    expect(engine.description).toBe('docker 27.3.1 (BuildKit via buildx builder ci-builder)');
    const outcome = await engine.build({
      contextDir: '/work/context', dockerfile: '/work/original.Dockerfile', tag: 'tslint-docker-verify:x-original',
      platform: 'linux/arm64', buildArgs: { VERSION: '1.2' }, network: 'host', noCache: true,
    });
    expect(outcome.ok).toBe(true);
    expect(outcome.steps).toEqual({ run: 1, cached: 0, total: 1 });
    expect((await readFile(argvFile, 'utf8')).trimEnd().split('\n')).toEqual([
      'buildx', 'build', '--progress=plain',
      // the image must land in the daemon, where inspect, history and save read it
      '--load',
      '--builder', 'ci-builder',
      // host networking is an entitlement the build has to ask for
      '--allow', 'network.host',
      '-f', '/work/original.Dockerfile', '-t', 'tslint-docker-verify:x-original', '--network', 'host',
      '--platform', 'linux/arm64', '--build-arg', 'VERSION=1.2',
      '--no-cache', '/work/context',
    ]);
  });

  it('refuses a builder buildx does not know, with its error, before any build', async () => {
    const failure = detectEngine('docker', { builder: 'nope' });
    await expect(failure).rejects.toBeInstanceOf(NoEngineError);
    await expect(failure).rejects.toThrow('--builder nope: ERROR: no builder "nope" found (`docker buildx ls` lists the builders)');
  });

  it('through the CLI, without the plugin: exit 2 and one line saying it needs the buildx plugin', async () => {
    process.env.FAKE_DOCKER_BUILDX = 'absent';
    // another builder name than above: detection is remembered per process and builder
    const run = await runCli(['verify', dockerfile, '--builder', 'remote-builder'], repoRoot);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `tslint-docker verify: --builder remote-builder needs the docker buildx plugin, which is not installed (\`docker buildx version\` fails for ${join(dir, 'docker')}); install it, or drop --builder\n`,
    );
  });
});

describe('verify options refused before any engine is asked', () => {
  it('a platform list: verify builds one platform', async () => {
    const run = await runCli(['verify', dockerfile, '--platform', 'linux/amd64,linux/arm64'], repoRoot);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('tslint-docker verify: --platform linux/amd64,linux/arm64: verify builds one platform (os/arch[/variant], e.g. linux/amd64)\n');
  });

  it('--builder with --engine buildah', async () => {
    const run = await runCli(['verify', dockerfile, '--builder', 'ci-builder', '--engine', 'buildah'], repoRoot);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('tslint-docker verify: --builder is a docker buildx option; it does not apply to --engine buildah\n');
  });

  it('a --smoke-timeout that is not a positive number of seconds', async () => {
    const run = await runCli(['verify', dockerfile, '--smoke', 'true', '--smoke-timeout', '0'], repoRoot);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('bad --smoke-timeout 0: give seconds, more than 0');
  });
});
