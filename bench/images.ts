/**
 * bench images: the whole corpus through the built CLI with images resolved from a warm cache
 * (--resolve-images: the engine's store listed, every other answer from the cache; --offline:
 * the cache alone), beside the same run without resolution. Interleaved, median of 3 each.
 *
 * The corpus names ~1000 images on Docker Hub and elsewhere, which this benchmark must not ask
 * for: the warm cache is written beforehand with an answer for every question the rules ask
 * (a made-up digest and a small config per image, no version tags), found by linting the
 * corpus in process with a lookup that notes the questions. What is timed is what a warm cache
 * costs: reading its entries, and the engine store's listing. A run that printed an image
 * warning (a question the cache did not answer went to the network) fails the benchmark.
 * Needs the build. Run: npx tsx bench/images.ts [--json]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { ImageCache } from '../src/images/cache.ts';
import { canonicalName, registryRef } from '../src/images/reference.ts';
import { sha256Digest } from '../src/images/registry.ts';
import type { ImageLookup } from '../src/model/index.ts';
import { built, loadCorpus, median, report } from './corpus.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(root, 'bin/tslint-docker.js');

/** every image question the rules ask over the corpus (as the CLI's default settings run them) */
async function questionsOfCorpus(): Promise<{ images: Set<string>; tags: Set<string> }> {
  const { getLinter } = await built<typeof import('../src/linter/index.ts')>('src/linter/index.ts');
  const images = new Set<string>();
  const tags = new Set<string>();
  // every image found, as in the warm cache: rules then ask what follows from an answer (a pin's version tag)
  const found = { found: true as const, image: { source: 'registry' as const, digest: `sha256:${'0'.repeat(64)}` } };
  const noting: ImageLookup = {
    image: (reference) => (images.add(reference), found),
    versionTags: (reference) => void tags.add(reference),
  };
  for (const f of loadCorpus()) getLinter().lint(f.text, { filePath: f.path, images: noting });
  return { images, tags };
}

/** an answer for each: a digest, an image manifest, a config; tag lists without version tags */
function warmCache(dir: string, questions: { images: Set<string>; tags: Set<string> }): number {
  const cache = new ImageCache(dir);
  const at = Date.now();
  let written = 0;
  const answer = (reference: string) => {
    const ref = registryRef(reference);
    if (ref === undefined) return undefined;
    const name = canonicalName(ref);
    const digest = ref.digest ?? sha256Digest(Buffer.from(name));
    const config = sha256Digest(Buffer.from(`config ${name}`));
    if (ref.digest === undefined) cache.setRef({ name, at, digest });
    cache.setManifest(digest, { kind: 'image', config });
    cache.setConfig(config, { platform: { os: 'linux', architecture: 'amd64', variant: '' }, config: { user: '', env: { PATH: '/usr/bin:/bin' }, exposedPorts: [], labels: {} } });
    written++;
    return ref;
  };
  for (const reference of questions.images) answer(reference);
  for (const reference of questions.tags) {
    const ref = answer(reference);
    if (ref !== undefined) cache.setTags({ repository: `${ref.registry}/${ref.repository}`, at, tags: [ref.tag] });
  }
  if (cache.writeError !== undefined) throw new Error(`cannot write the image cache: ${cache.writeError}`);
  return written;
}

export async function benchImages(json: boolean): Promise<void> {
  const files = loadCorpus().map((f) => f.path);
  const cacheHome = mkdtempSync(join(tmpdir(), 'tslint-docker-bench-images-'));
  try {
    const questions = await questionsOfCorpus();
    const answers = warmCache(join(cacheHome, 'tslint-docker', 'images'), questions);
    // the network stays out: a question the cache missed would wait 1 s and print a warning
    const env = { ...process.env, XDG_CACHE_HOME: cacheHome, TSLINT_DOCKER_REGISTRY_TIMEOUT_MS: '1000' };
    const variants: [string, string[]][] = [
      ['without resolution', []],
      ['--resolve-images, warm cache (engine store listed)', ['--resolve-images']],
      ['--offline, warm cache', ['--offline']],
    ];
    const times = new Map<string, number[]>(variants.map(([name]) => [name, []]));
    for (let run = 0; run < 3; run++) {
      for (const [name, flags] of variants) {
        const start = performance.now();
        const r = spawnSync(process.execPath, [BIN, '--no-config', '-f', 'compact', ...flags, ...files], { cwd: root, env, encoding: 'utf8', maxBuffer: 1 << 30 });
        const ms = performance.now() - start;
        if (r.status !== 0 && r.status !== 1) throw new Error(`tslint-docker ${flags.join(' ')} failed: ${r.stderr.slice(0, 500)}`);
        if (/images:/.test(r.stderr)) throw new Error(`a question the warm cache did not answer: ${r.stderr.slice(0, 500)}`);
        times.get(name)!.push(ms);
      }
    }
    const base = median(times.get('without resolution')!);
    report(`images (whole corpus, ${files.length} files; ${questions.images.size} image and ${questions.tags.size} tag questions, ${answers} cached answers; median of 3)`,
      variants.map(([name]) => {
        const ms = median(times.get(name)!);
        return { run: `tslint-docker -f compact ${name}`, ms: ms.toFixed(0), 'vs without': name === 'without resolution' ? '' : `+${(ms - base).toFixed(0)} ms (${(ms / base).toFixed(2)}x)` };
      }), json);
  } finally {
    rmSync(cacheHome, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchImages(process.argv.includes('--json'));
