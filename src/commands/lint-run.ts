/**
 * Linting the plans of one `execplan lint` run: the cached results that still hold are settled
 * first, with a stat each; the other plans are linted on worker threads when there are many, else
 * here; every outcome is handed on in the plans' order.
 */
import { availableParallelism } from 'node:os';
import { cachedFindings, cachedHash, type EntryState, type LintCache } from '../workspace/lint-cache.js';
import { checkEntry, type FileJob, type FileOutcome, type FsAnswers, type LintSetup } from '../workspace/lint-files.js';
import type { FileLinter } from '../workspace/lint-runner.js';
import type { Io } from './io.js';
import type { Spinner } from '../terminal/spinner.js';

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

/** What the cache settled before any plan was linted. */
export interface CachePass {
  started: number;
  /** What is kept of each plan's entry, by job index; undefined for the plans to lint. */
  kept: (EntryState | undefined)[];
  /** Outcomes by job index, once {@link settleHits} has run; undefined for the plans still to lint. */
  outcomes: (FileOutcome | undefined)[];
  /** Indexes of the plans to lint. */
  misses: number[];
}

/** Find the plans whose cached entry still holds (see lint-cache.ts), with a stat each. Without a cache, every plan is a miss. */
export function checkCache(jobs: readonly FileJob[], cache: LintCache | undefined, now: number, fs: FsAnswers): CachePass {
  const pass: CachePass = { started: Date.now(), kept: new Array<EntryState | undefined>(jobs.length), outcomes: new Array<FileOutcome | undefined>(jobs.length), misses: [] };
  jobs.forEach((job, i) => {
    const kept = cache && checkEntry(job, cache.entries.get(job.rel), now, fs, () => cachedHash(cache, job.rel));
    if (kept) pass.kept[i] = kept;
    else pass.misses.push(i);
  });
  return pass;
}

/** Turn the plans the cache settled into outcomes with their findings; a plan whose findings cannot be read is linted after all. */
export function settleHits(jobs: readonly FileJob[], pass: CachePass, cache: LintCache | undefined): void {
  if (!cache) return;
  pass.kept.forEach((kept, i) => {
    if (!kept) return;
    const rel = jobs[i]!.rel;
    const diagnostics = cachedFindings(cache, rel);
    if (!diagnostics) pass.misses.push(i);
    // A touched but unchanged file keeps its findings under its new stat.
    else pass.outcomes[i] = { rel, diagnostics, fromCache: true, ...(kept !== cache.entries.get(rel) ? { entry: { ...kept, hash: kept.hash!, diagnostics } } : {}) };
  });
  pass.misses.sort((a, b) => a - b);
}

/** With `EXECPLAN_DEBUG=lint` (or `1`, `true`, `*`, `all`: every debug line), say on stderr how the run went. */
export function debugRun(io: Io, pass: CachePass, done: number, cached: number, threads: string): void {
  if (/(?:^|[\s,])(?:lint|1|true|\*|all)(?:$|[\s,])/i.test(io.env.EXECPLAN_DEBUG ?? '')) {
    io.stderr(`execplan: linted ${done} plans (${cached} from the cache) on ${threads} in ${Math.round(Date.now() - pass.started)} ms.\n`);
  }
}

/** Lint the plans the cache did not settle and hand every outcome to `emit` in job order. */
export async function lintAll(
  io: Io,
  jobs: readonly FileJob[],
  pass: CachePass,
  setup: LintSetup,
  useCache: boolean,
  loadLinter: () => Promise<FileLinter>,
  progress: Spinner,
  emit: (o: FileOutcome) => void,
): Promise<void> {
  const { outcomes, misses } = pass;
  let done = 0;
  let cached = 0;
  // Outcomes come in any order; each waits here until every one before it is emitted.
  const flush = () => {
    for (let o = outcomes[done]; o; o = outcomes[done]) {
      outcomes[done] = undefined;
      if (o.fromCache) cached++;
      emit(o);
      progress.tick(++done);
    }
  };
  flush();
  const toLint = misses.map((i) => jobs[i]!);
  const settle = (k: number, o: FileOutcome) => {
    outcomes[misses[k]!] = o;
    flush();
  };
  let threads = 'the main thread';
  if (toLint.length) {
    // Worker threads are only worth their start-up for many plans; the module loads only then.
    const wanted = workersFor(toLint.length, io.env);
    const workers = wanted ? await import('./lint-workers.js') : undefined;
    if (workers && (await workers.lintInWorkers(toLint, wanted, setup, useCache, loadLinter, settle))) threads = 'worker threads';
    else {
      const linter = await loadLinter();
      toLint.forEach((job, k) => settle(k, linter.lintFile(job, useCache)));
    }
  }
  debugRun(io, pass, done, cached, threads);
}
