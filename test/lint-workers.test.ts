import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { clockFrom } from '../src/usecases/clock.js';
import { lintPlans, type LintListener } from '../src/usecases/lint.js';
import { workQueue } from '../src/usecases/lint-worker.js';
import { lintInWorkers, type FromWorker, type LintWorker, type WorkerFactory, type WorkerInput } from '../src/usecases/lint-workers.js';
import { lintJob, lintSetup } from '../src/usecases/lint-setup.js';
import type { FileOutcome } from '../src/workspace/lint-files.js';
import { createFileLinter } from '../src/workspace/lint-runner.js';
import { listPlanRefs } from '../src/workspace/plans.js';
import { openWorkspace } from '../src/workspace/workspace.js';
import { GOOD } from './rules/helpers.js';
import { lintWorkspace, NO_TITLE } from './helpers/lint-workspace.js';

const CLOCK = clockFrom({ EXECPLAN_NOW: '2026-01-05T14:30:00Z', EXECPLAN_TZ_OFFSET: '0' });

/**
 * A worker that runs the real worker module's code on this thread, a tick after it is started,
 * with its input and every message copied as they would be between threads.
 */
function inProcess(started: WorkerInput[]): WorkerFactory {
  return (input) => {
    started.push(input);
    const events = new EventEmitter();
    const copy = { ...structuredClone({ setup: input.setup, useCache: input.useCache, jobs: input.jobs }), next: input.next };
    setImmediate(() => workQueue(copy, (msg) => events.emit('message', structuredClone(msg))));
    return Object.assign(events, { terminate: async () => 0 }) as unknown as LintWorker;
  };
}

/** `n` plans, every third without its title. */
function manyPlans(n: number): string {
  const extra: Record<string, string> = {};
  for (let i = 0; i < n; i++) extra[`2026-01-05_plan-${String(i).padStart(3, '0')}`] = i % 3 ? GOOD : NO_TITLE;
  return lintWorkspace(extra).root;
}

describe('lint on worker threads', () => {
  it('settles every plan with the result linting it on one thread gives', async () => {
    const ws = openWorkspace(manyPlans(63));
    const setup = lintSetup(ws, CLOCK);
    const linter = createFileLinter(setup);
    const jobs = listPlanRefs(ws, 'active').map((ref) => lintJob(ws, ref));
    const started: WorkerInput[] = [];
    const settled = new Array<FileOutcome>(jobs.length);
    const pooled = await lintInWorkers({ jobs, wanted: 2, setup, useCache: true, loadLinter: async () => linter, settle: (i, o) => (settled[i] = o), spawn: inProcess(started) });
    expect(pooled).toBe(true);
    expect(started).toHaveLength(2);
    expect(settled.filter(Boolean)).toHaveLength(64);
    expect(settled.filter((o) => o.diagnostics.some((d) => d.ruleId === 'title'))).toHaveLength(21);
    expect(settled).toEqual(jobs.map((job) => linter.lintFile(job, true)));
  });

  it('hands results on in the plans\' order from a run large enough for workers, and lints alone when none can start', async () => {
    const ws = openWorkspace(manyPlans(200));
    const run = async (spawnWorker: WorkerFactory) => {
      const files: string[] = [];
      const on: LintListener = { start: () => undefined, result: (r) => void files.push(r.file), end: async () => undefined };
      const summary = await lintPlans(ws, { cwd: ws.root, targets: [], clock: CLOCK, env: { EXECPLAN_WORKERS: '1' }, fix: 'none', spawnWorker }, on);
      return { files, threads: summary.threads };
    };
    const pooled = await run(inProcess([]));
    expect(pooled.threads).toBe('worker threads');
    expect(pooled.files).toHaveLength(201);
    expect(pooled.files).toEqual([...pooled.files].sort());
    expect((await run(() => undefined)).threads).toBe('the main thread');
  });

  it('reports a plan a worker cannot read as the error it is, naming the plan', async () => {
    const { root } = lintWorkspace();
    const ws = openWorkspace(root);
    const setup = lintSetup(ws, CLOCK);
    const jobs = Array.from({ length: 40 }, (_, i) => ({ abs: `${root}/.agent/execplans/gone-${i}.md`, rel: `.agent/execplans/gone-${i}.md`, artifacts: `.agent/execplans/artifacts/gone-${i}` }));
    const said: FromWorker[] = [];
    workQueue({ setup, useCache: false, jobs, next: new SharedArrayBuffer(4) }, (msg) => said.push(msg));
    expect(said).toEqual([{ type: 'error', error: { message: expect.stringMatching(/^Cannot read \.agent\/execplans\/gone-0\.md/), code: 'IO', file: '.agent/execplans/gone-0.md' } }]);
    // Through the pool, the same error reaches the caller.
    const run = lintInWorkers({ jobs, wanted: 1, setup, useCache: false, loadLinter: async () => createFileLinter(setup), settle: () => undefined, spawn: inProcess([]) });
    await expect(run).rejects.toMatchObject({ code: 'IO', file: expect.stringMatching(/^\.agent\/execplans\/gone-\d+\.md$/) });
  });
});
