/**
 * Large runs on two worker threads. Each worker lints chunks of plans it asks for, so a slow plan
 * never holds up the rest; results are put back in the plans' order, so output is the same as a
 * single-threaded run's. Only findings cross the thread boundary, never a plan's text.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ExecplanError, type ErrorCode } from '../workspace/errors.js';
import type { CacheEntry, LintCache } from '../workspace/lint-cache.js';
import type { FileJob, FileOutcome, LintSetup } from '../workspace/lint-runner.js';

/** Runs with more plans than this use worker threads (when the built worker script is there). */
export const WORKER_THRESHOLD = 200;

/** Plans handed to a worker at a time: small enough to balance, large enough to keep messages few. */
const CHUNK = 32;

/**
 * A worker's heap. A plan's parse is garbage a few milliseconds later; without a cap V8 lets the
 * old generation grow to hundreds of MB before collecting. 64 MB holds the largest real plans
 * (185 KB) many times over and keeps a 10,000-plan run's peak memory in bounds.
 */
const LIMITS = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 };

/** What the main thread sends a worker. */
export type ToWorker = { type: 'chunk'; start: number; jobs: FileJob[]; cached: (CacheEntry | undefined)[] } | { type: 'stop' };

/** What a worker sends back. */
export type FromWorker = { type: 'ready' } | { type: 'chunk'; start: number; outcomes: FileOutcome[] } | { type: 'error'; error: { message: string; code?: string; file?: string; stack?: string } };

/** The data a worker starts with. */
export interface WorkerInput {
  setup: LintSetup;
  useCache: boolean;
}

/** The worker script beside this module in the build; absent when running from source. */
function workerScript(): URL | undefined {
  const url = new URL('./lint-worker.js', import.meta.url);
  return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : undefined;
}

/**
 * Lint `jobs` on worker threads, handing each outcome to `emit` in job order as soon as it and
 * every job before it are done. Returns false, having emitted nothing, when workers are not
 * available or turned off (`EXECPLAN_WORKERS=0`); the caller then lints on its own thread.
 */
export async function lintInWorkers(jobs: readonly FileJob[], setup: LintSetup, cache: LintCache | undefined, emit: (outcome: FileOutcome) => void, env: Record<string, string | undefined>): Promise<boolean> {
  const wanted = env.EXECPLAN_WORKERS === undefined ? 2 : Number(env.EXECPLAN_WORKERS);
  const script = workerScript();
  if (!script || !Number.isInteger(wanted) || wanted < 1) return false;
  const count = Math.min(wanted, Math.ceil(jobs.length / CHUNK));
  // Chunks come back in any order; they wait here until the ones before them are emitted.
  const waiting = new Map<number, FileOutcome[]>();
  let emitted = 0;
  let next = 0;
  const input: WorkerInput = { setup, useCache: Boolean(cache) };
  const workers: Worker[] = [];

  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(script, { workerData: input, resourceLimits: LIMITS });
      workers.push(worker);
      const send = () => {
        if (next >= jobs.length) {
          worker.postMessage({ type: 'stop' } satisfies ToWorker);
          return;
        }
        const start = next;
        const slice = jobs.slice(start, (next = Math.min(jobs.length, start + CHUNK)));
        worker.postMessage({ type: 'chunk', start, jobs: slice, cached: slice.map((j) => cache?.entries.get(j.rel)) } satisfies ToWorker);
      };
      worker.on('message', (msg: FromWorker) => {
        if (msg.type === 'error') {
          const { message, code, file, stack } = msg.error;
          reject(code ? new ExecplanError(code as ErrorCode, message, file ? { file } : {}) : Object.assign(new Error(message), stack ? { stack } : {}));
          return;
        }
        if (msg.type === 'chunk') {
          waiting.set(msg.start, msg.outcomes);
          for (let ready = waiting.get(emitted); ready; ready = waiting.get(emitted)) {
            waiting.delete(emitted);
            for (const o of ready) emit(o);
            emitted += ready.length;
          }
        }
        send();
      });
      worker.on('error', reject);
      worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`A lint worker stopped with exit code ${code}.`))));
    });

  try {
    await Promise.all(Array.from({ length: count }, runWorker));
  } finally {
    // After a failure the other workers are stopped too; after success they have exited already.
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return true;
}
