/**
 * Large runs on worker threads. The plans form one queue of small batches in shared memory; every
 * worker, and the main thread between handling their results, takes the next batch until none is
 * left, so a slow plan never holds the others up and no thread waits for work to be handed out.
 * Only findings cross the thread boundary, never a plan's text.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ExecplanError, type ErrorCode } from '../workspace/errors.js';
import type { FileJob, FileLinter, FileOutcome, LintSetup } from '../workspace/lint-runner.js';

/** Plans taken from the queue at a time: small enough to balance, large enough to keep messages few. */
const BATCH = 16;

/**
 * A worker's heap. A plan's parse is garbage a few milliseconds later; without a cap V8 lets the
 * old generation grow to hundreds of MB before collecting. 64 MB holds the largest real plans
 * (185 KB) many times over and keeps a 10,000-plan run's peak memory in bounds. The young
 * generation, where that garbage dies, gets room for a few plans' parses: at 8 MB the worker
 * spent a tenth of its time collecting.
 */
const LIMITS = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 };

/** The data a worker starts with: the whole queue, and the shared index of its next free batch. */
export interface WorkerInput {
  setup: LintSetup;
  useCache: boolean;
  jobs: FileJob[];
  next: SharedArrayBuffer;
}

/** What a worker sends back. */
export type FromWorker =
  | { type: 'batch'; start: number; outcomes: FileOutcome[] }
  | { type: 'done' }
  | { type: 'error'; error: { message: string; code?: string; file?: string; stack?: string } };

/** Take the next batch from the shared queue: its first index, or undefined when the queue is empty. */
export function takeBatch(next: Int32Array, total: number): number | undefined {
  const start = Atomics.add(next, 0, BATCH);
  return start < total ? start : undefined;
}

/** The jobs of the batch that starts at `start`. */
export function batchAt(jobs: readonly FileJob[], start: number): readonly FileJob[] {
  return jobs.slice(start, start + BATCH);
}

/** The worker script beside this module in the command-line build; absent when running from source or the library. */
function workerScript(): URL | undefined {
  const url = new URL('./lint-worker.cjs', import.meta.url);
  return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : undefined;
}

/**
 * Lint `jobs` on up to `wanted` worker threads and on this one, handing each outcome to `settle`
 * with its index as soon as it is known (in no particular order). Returns false, having settled
 * nothing, when the worker script is not there (running from source) or the run is a single
 * batch; the caller then lints alone.
 */
export async function lintInWorkers(
  jobs: FileJob[],
  wanted: number,
  setup: LintSetup,
  useCache: boolean,
  loadLinter: () => Promise<FileLinter>,
  settle: (index: number, outcome: FileOutcome) => void,
): Promise<boolean> {
  const script = workerScript();
  // No more workers than batches left for them once the main thread has taken one.
  const count = Math.min(wanted, Math.ceil(jobs.length / BATCH) - 1);
  if (!script || count < 1) return false;
  const next = new SharedArrayBuffer(4);
  const queue = new Int32Array(next);
  const input: WorkerInput = { setup, useCache, jobs, next };
  const deliver = (start: number, outcomes: readonly FileOutcome[]) => outcomes.forEach((o, i) => settle(start + i, o));
  const workers: Worker[] = [];

  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(script, { workerData: input, resourceLimits: LIMITS });
      workers.push(worker);
      worker.on('message', (msg: FromWorker) => {
        if (msg.type === 'batch') deliver(msg.start, msg.outcomes);
        else if (msg.type === 'done') resolve();
        else {
          const { message, code, file, stack } = msg.error;
          reject(code ? new ExecplanError(code as ErrorCode, message, file ? { file } : {}) : Object.assign(new Error(message), stack ? { stack } : {}));
        }
      });
      worker.on('error', reject);
      worker.on('exit', (code) => reject(new Error(`A lint worker stopped with exit code ${code} before it was done.`)));
    });

  // The main thread takes batches too (its linter loads while the workers start), yielding after
  // each so the workers' results are printed as they come.
  let stopped = false;
  const lintHere = async () => {
    const linter = await loadLinter();
    while (!stopped) {
      const start = takeBatch(queue, jobs.length);
      if (start === undefined) return;
      deliver(start, batchAt(jobs, start).map((job) => linter.lintFile(job, useCache)));
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  };

  try {
    await Promise.all([...Array.from({ length: count }, runWorker), lintHere()]);
  } finally {
    // After a failure the other threads stop too; after success the workers are idle.
    stopped = true;
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return true;
}
