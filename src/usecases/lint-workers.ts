/**
 * Large lint runs on worker threads. The plans form one queue of small batches in shared memory;
 * every worker, and the main thread between handling their results, takes the next batch until
 * none is left, so a slow plan never holds the others up and no thread waits for work to be handed
 * out. Only findings cross the thread boundary, never a plan's text.
 */
import { availableParallelism } from 'node:os';
import { ExecplanError, type ErrorCode } from '../workspace/errors.js';
import { existingFile, type FileJob, type FileOutcome, type LintSetup } from '../workspace/lint-files.js';
import type { FileLinter } from '../workspace/lint-runner.js';

/** Runs with more plans to lint than this may use worker threads; smaller ones never gain. */
const WORKER_THRESHOLD = 200;

/**
 * Plans a run needs, on two cores, before a worker thread pays for itself. Each new thread loads
 * and warms up the linter again, and while it does V8's compiler and collector threads need the
 * second core: on the benchmark corpus the main thread alone stays faster up to about 2,000
 * plans. With more cores that is not so.
 */
const TWO_CORE_THRESHOLD = 2000;

/** More threads than this gain little on a lint run and cost each its own start-up. */
const MAX_WORKERS = 3;

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

/**
 * How many worker threads to lint `plans` plans with: `EXECPLAN_WORKERS` when set, else one fewer
 * than the cores (the main thread lints too); none for small runs.
 */
export function workersFor(plans: number, env: Record<string, string | undefined>, cores: number = availableParallelism()): number {
  if (plans <= WORKER_THRESHOLD) return 0;
  if (env.EXECPLAN_WORKERS !== undefined) {
    const wanted = Number(env.EXECPLAN_WORKERS);
    return Number.isInteger(wanted) && wanted > 0 ? wanted : 0;
  }
  return cores < 2 || (cores === 2 && plans < TWO_CORE_THRESHOLD) ? 0 : Math.min(MAX_WORKERS, cores - 1);
}

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

/** The part of a `Worker` the pool uses. */
export interface LintWorker {
  on(event: 'message', listener: (msg: FromWorker) => void): unknown;
  on(event: 'error', listener: (err: Error) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  terminate(): Promise<unknown>;
}

/** Starts a worker on `input`; undefined when there is no worker to start. */
export type WorkerFactory = (input: WorkerInput) => LintWorker | undefined;

/** Take the next batch from the shared queue: its first index and its jobs, or undefined when the queue is empty. */
export function takeBatch(next: Int32Array, jobs: readonly FileJob[]): { start: number; batch: readonly FileJob[] } | undefined {
  const start = Atomics.add(next, 0, BATCH);
  return start < jobs.length ? { start, batch: jobs.slice(start, start + BATCH) } : undefined;
}

/**
 * A thread on the worker script beside this module in the command-line build; none when running
 * from source or the library, where the script is not there.
 */
async function threadFactory(): Promise<WorkerFactory> {
  const url = new URL('./lint-worker.cjs', import.meta.url);
  if (!existingFile(url)) return () => undefined;
  const { Worker } = await import('node:worker_threads');
  return (input) => new Worker(url, { workerData: input, resourceLimits: LIMITS });
}

/** A pool's work: the plans, how each is linted, and where each outcome goes. */
export interface PoolRequest {
  jobs: FileJob[];
  /** Worker threads wanted, besides this one. */
  wanted: number;
  setup: LintSetup;
  useCache: boolean;
  loadLinter: () => Promise<FileLinter>;
  /** Each outcome with its index, as soon as it is known (in no particular order). */
  settle: (index: number, outcome: FileOutcome) => void;
  /** How a worker starts: {@link threadFactory} by default. */
  spawn?: WorkerFactory;
}

/**
 * Lint the jobs on up to `wanted` workers and on this thread. Returns false, having settled
 * nothing, when no worker can be started (running from source) or the run is a single batch; the
 * caller then lints alone.
 */
export async function lintInWorkers(req: PoolRequest): Promise<boolean> {
  const { jobs, setup, useCache, settle } = req;
  // No more workers than batches left for them once the main thread has taken one.
  const count = Math.min(req.wanted, Math.ceil(jobs.length / BATCH) - 1);
  if (count < 1) return false;
  const spawn = req.spawn ?? (await threadFactory());
  const next = new SharedArrayBuffer(4);
  const queue = new Int32Array(next);
  const input: WorkerInput = { setup, useCache, jobs, next };
  const first = spawn(input);
  if (!first) return false;
  const deliver = (start: number, outcomes: readonly FileOutcome[]) => outcomes.forEach((o, i) => settle(start + i, o));
  const workers: LintWorker[] = [];

  const runWorker = (k: number) =>
    new Promise<void>((resolve, reject) => {
      const worker = k === 0 ? first : spawn(input);
      if (!worker) return resolve();
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
  // each so the workers' results are handed on as they come.
  let stopped = false;
  const lintHere = async () => {
    const linter = await req.loadLinter();
    for (let taken = takeBatch(queue, jobs); taken && !stopped; taken = takeBatch(queue, jobs)) {
      deliver(taken.start, taken.batch.map((job) => linter.lintFile(job, useCache)));
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  };

  try {
    await Promise.all([...Array.from({ length: count }, (_, k) => runWorker(k)), lintHere()]);
  } finally {
    // After a failure the other threads stop too; after success the workers are idle.
    stopped = true;
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return true;
}
