/**
 * Linting many files on worker threads, results in file order. Each worker builds
 * the parser and rules once, then takes batches of files as it frees up.
 * Measured on the 2821-file corpus on 2 cores, workers were slower (6.9–7.4 s against
 * 5.7–6.4 s in one thread: each thread warms its own JIT and results are copied back),
 * so they are used only with 4+ cores, and only from WORKER_MIN_FILES files on.
 * TSLINT_DOCKER_WORKERS=1 forces them on, =0 off.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { UsageError } from './errors.ts';
import { applyOneShotFlags, YOUNG_GENERATION_CAP } from './v8-tuning.ts';
import type { FileJobSettings, FileOutcome } from './lint-file.ts';

const WORKER_MIN_FILES = 200;
const BATCH = 16;
const MAX_WORKERS = 8;

export interface WorkerReply {
  start: number;
  outcomes?: FileOutcome[];
  /** a problem with the call or the config (exit 2), or anything else (internal error) */
  error?: { message: string; usage: boolean };
}

/** a worker entry that registers tsx, then loads the TypeScript worker (tests run from source) */
function tsxBootstrap(script: URL): URL {
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `const { register } = await import(${JSON.stringify(tsx)}); register(); await import(${JSON.stringify(script.href)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

const WORKER_MIN_CORES = 4;

export function shouldUseWorkers(files: readonly string[]): boolean {
  const forced = process.env.TSLINT_DOCKER_WORKERS;
  if (forced === '0' || files.includes('-')) return false;
  if (forced === '1') return true;
  return files.length >= WORKER_MIN_FILES && availableParallelism() >= WORKER_MIN_CORES;
}

export async function lintInWorkers(files: readonly string[], job: FileJobSettings, onProgress: (done: number, file: string) => void): Promise<FileOutcome[]> {
  const count = Math.min(availableParallelism(), MAX_WORKERS, Math.ceil(files.length / (BATCH * 4)));
  // from source (tests) the worker is TypeScript, loaded through tsx; the build ships JavaScript
  const fromSource = import.meta.url.endsWith('.ts');
  const script = new URL(fromSource ? './lint-worker.ts' : './lint-worker.js', import.meta.url);
  const results: FileOutcome[] = new Array(files.length);
  let next = 0;
  let done = 0;
  const workers: Worker[] = [];
  // loaded here, not at start-up: most runs lint on the main thread
  const { Worker: WorkerThread } = await import('node:worker_threads');
  // V8 flags are process-wide: the workers' compile jobs get the one-shot budget too
  applyOneShotFlags();
  try {
    await Promise.all(
      Array.from({ length: count }, () =>
        new Promise<void>((resolve, reject) => {
          // the main thread's new-space cap (limitYoungGeneration): V8 sizes a young generation
          // as three semi-spaces (two plus its large-object space), so 24 MB gives 16 MB of new space
          const resourceLimits = { maxYoungGenerationSizeMb: (3 * YOUNG_GENERATION_CAP) / 2 / 2 ** 20 };
          const worker = new WorkerThread(fromSource ? tsxBootstrap(script) : script, { workerData: job, resourceLimits });
          workers.push(worker);
          const feed = () => {
            if (next >= files.length) return resolve();
            const start = next;
            next = Math.min(files.length, next + BATCH);
            worker.postMessage({ start, files: files.slice(start, next) });
          };
          worker.on('message', (reply: WorkerReply) => {
            if (reply.error) return reject(reply.error.usage ? new UsageError(reply.error.message) : new Error(reply.error.message));
            reply.outcomes!.forEach((o, i) => (results[reply.start + i] = o));
            done += reply.outcomes!.length;
            onProgress(done, files[reply.start]!);
            feed();
          });
          worker.on('error', reject);
          feed();
        }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
