/** A lint worker thread: lints the chunks of plans the main thread sends, returns their findings. */
import { parentPort, workerData } from 'node:worker_threads';
import { ExecplanError } from '../workspace/errors.js';
import { createFileLinter } from '../workspace/lint-runner.js';
import type { FromWorker, ToWorker, WorkerInput } from './lint-workers.js';

const port = parentPort!;
const { setup, useCache } = workerData as WorkerInput;
const linter = createFileLinter(setup);

port.on('message', (msg: ToWorker) => {
  if (msg.type === 'stop') {
    port.close();
    return;
  }
  try {
    const outcomes = msg.jobs.map((job, i) => linter.lintFile(job, msg.cached[i], useCache));
    port.postMessage({ type: 'chunk', start: msg.start, outcomes } satisfies FromWorker);
  } catch (err) {
    // An ExecplanError (an unreadable plan) keeps its code and file, so the main thread reports it as usual.
    const e = err as Error;
    const error = err instanceof ExecplanError ? { message: e.message, code: err.code, ...(err.file ? { file: err.file } : {}) } : { message: e.message, ...(e.stack ? { stack: e.stack } : {}) };
    port.postMessage({ type: 'error', error } satisfies FromWorker);
  }
});
port.postMessage({ type: 'ready' } satisfies FromWorker);
