/** A lint worker thread: lints the batches of files the pool sends, with the job's settings. */
import { parentPort, workerData } from 'node:worker_threads';
import { ConfigError } from '../config/index.ts';
import { UsageError } from './errors.ts';
import { RunImages } from './images.ts';
import { lintFile, type FileJobSettings, type FileOutcome } from './lint-file.ts';
import type { WorkerReply } from './pool.ts';

const job = workerData as FileJobSettings;
const noStdin = () => Promise.reject(new UsageError('stdin is read on the main thread'));
// each worker resolves images itself (the disk cache is shared; a registry down is warned of once per run)
const images = new RunImages();

parentPort!.on('message', async ({ start, files }: { start: number; files: string[] }) => {
  let reply: WorkerReply;
  try {
    const outcomes: FileOutcome[] = [];
    for (const file of files) outcomes.push(await lintFile(file, job, noStdin, undefined, images));
    reply = { start, outcomes };
  } catch (error) {
    const usage = error instanceof UsageError || error instanceof ConfigError;
    reply = { start, error: { message: error instanceof Error ? error.message : String(error), usage } };
  }
  parentPort!.postMessage(reply);
});
