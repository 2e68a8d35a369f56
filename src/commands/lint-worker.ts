/** A lint worker thread: takes batches of plans from the shared queue and sends back their findings. */
import { parentPort, workerData } from 'node:worker_threads';
import { ExecplanError } from '../workspace/errors.js';
import { createFileLinter } from '../workspace/lint-runner.js';
import { batchAt, takeBatch, type FromWorker, type WorkerInput } from './lint-workers.js';

const port = parentPort!;
const { setup, useCache, jobs, next } = workerData as WorkerInput;
const queue = new Int32Array(next);

try {
  const linter = createFileLinter(setup);
  for (let start = takeBatch(queue, jobs.length); start !== undefined; start = takeBatch(queue, jobs.length)) {
    const outcomes = batchAt(jobs, start).map((job) => linter.lintFile(job, useCache));
    port.postMessage({ type: 'batch', start, outcomes } satisfies FromWorker);
  }
  port.postMessage({ type: 'done' } satisfies FromWorker);
} catch (err) {
  // An ExecplanError (an unreadable plan) keeps its code and file, so the main thread reports it as usual.
  const e = err as Error;
  const error = err instanceof ExecplanError ? { message: e.message, code: err.code, ...(err.file ? { file: err.file } : {}) } : { message: e.message, ...(e.stack ? { stack: e.stack } : {}) };
  port.postMessage({ type: 'error', error } satisfies FromWorker);
}
