/** A lint worker: takes batches of plans from the shared queue and sends back their findings. */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { ExecplanError } from '../workspace/errors.js';
import { createFileLinter } from '../workspace/lint-runner.js';
import { takeBatch, type FromWorker, type WorkerInput } from './lint-workers.js';

/** Lint batches from the queue until it is empty, posting each batch's outcomes, then `done` (or the `error` that stopped it). */
export function workQueue(input: WorkerInput, post: (msg: FromWorker) => void): void {
  const { setup, useCache, jobs, next } = input;
  const queue = new Int32Array(next);
  try {
    const linter = createFileLinter(setup);
    for (let taken = takeBatch(queue, jobs); taken; taken = takeBatch(queue, jobs)) {
      post({ type: 'batch', start: taken.start, outcomes: taken.batch.map((job) => linter.lintFile(job, useCache)) });
    }
    post({ type: 'done' });
  } catch (err) {
    // An ExecplanError (an unreadable plan) keeps its code and file, so the main thread reports it as usual.
    const e = err as Error;
    const error = err instanceof ExecplanError ? { message: e.message, code: err.code, ...(err.file ? { file: err.file } : {}) } : { message: e.message, ...(e.stack ? { stack: e.stack } : {}) };
    post({ type: 'error', error });
  }
}

// Started as a worker thread (the built lint-worker.cjs): work the queue it was given.
if (!isMainThread && parentPort && (workerData as Partial<WorkerInput> | undefined)?.next instanceof SharedArrayBuffer) {
  const port = parentPort;
  workQueue(workerData as WorkerInput, (msg) => port.postMessage(msg));
}
