/**
 * Living-document edits: the latency of one `progress ... done` in a 500-plan workspace, and the
 * throughput of concurrent `progress ... add` on one plan, with a check that no update was lost.
 */
import { readFileSync } from 'node:fs';
import { compare, runOnce, spawnAsync, tail } from '../measure.mjs';
import { planPath, planText, resetPlan } from '../corpus.mjs';
import { ratioRow, valueRow } from '../report.mjs';

const WORKERS = 8;
const ADDS_PER_WORKER = 50;

/** `execplan progress <plan> done 1`, the plan reset before each run. */
export const progressDone = {
  id: 'progress-done',
  title: 'execplan progress <plan> done 1, 500-plan workspace',
  needs: ['progress'],
  run(ctx) {
    const ws = ctx.ws(500);
    const i = pickPlans(ws).done;
    const cmd = { label: 'progress done', argv: ctx.execplan('progress', ws.ids[i], 'done', '1'), cwd: ws.root, prepare: () => resetPlan(ws, i) };
    try {
      const [p, b] = compare([cmd, ctx.nodeNoop()], { runs: ctx.runs, warmup: ctx.warmup, budgetMs: ctx.budget(20) });
      const changed = readFileSync(planPath(ws, i), 'utf8') !== planText(i);
      const notes = [`plan ${ws.ids[i]}${changed ? '' : ': the file was NOT changed by the command'}`];
      const row = ratioRow({ scenario: 'progress-done', name: 'progress <plan> done 1', measured: p, baseline: b, baselineLabel: 'node -e 0', max: 2, notes });
      if (!changed) row.status = 'failed';
      return [row];
    } finally {
      resetPlan(ws, i);
    }
  },
};

/** 8 processes, each running 50 `progress <plan> add` one after the other, all on one plan. */
export const progressConcurrency = {
  id: 'progress-concurrency',
  title: `${WORKERS} processes × ${ADDS_PER_WORKER} progress add on one plan`,
  needs: ['progress'],
  async run(ctx) {
    const ws = ctx.ws(500);
    const i = pickPlans(ws).add;
    const id = ws.ids[i];
    resetPlan(ws, i);
    // The terminator keeps "w0-n1" from counting as part of "w0-n10".
    const marker = (w, k) => `bench update w${w}-n${k};`;
    const failures = [];
    try {
      // One untimed add first: a command that does not work fails here, with its stderr, in one run.
      runOnce({ label: 'progress add', argv: ctx.execplan('progress', id, 'add', 'bench smoke test;'), cwd: ws.root });
      resetPlan(ws, i);
      const deadline = performance.now() + ctx.budget(90);
      const succeeded = [];
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: WORKERS }, async (_, w) => {
          // Every worker stops at the first failure (the scenario has failed) or at the time budget.
          for (let k = 0; k < ADDS_PER_WORKER && !failures.length && performance.now() < deadline; k++) {
            const r = await spawnAsync(ctx.execplan('progress', id, 'add', marker(w, k)), { cwd: ws.root });
            if (r.error || r.status !== 0) failures.push(`${marker(w, k)}: ${r.error?.message ?? `exit ${r.status ?? r.signal}`}\n${tail(r.stderr, 5)}`);
            else succeeded.push(marker(w, k));
          }
        }),
      );
      const seconds = (performance.now() - t0) / 1000;
      const total = WORKERS * ADDS_PER_WORKER;
      const text = readFileSync(planPath(ws, i), 'utf8');
      const counts = succeeded.map((m) => text.split(m).length - 1);
      const present = counts.filter((c) => c >= 1).length;
      const duplicated = counts.filter((c) => c > 1).length;
      const stopped = !failures.length && succeeded.length < total;
      const notes = [`plan ${id}; ${succeeded.length} updates in ${seconds.toFixed(1)} s`];
      if (failures.length) notes.push(`a command failed, the run was stopped:\n${failures[0]}`);
      if (stopped) notes.push(`stopped at the time budget after ${succeeded.length} of ${total} updates (the command is slow)`);
      if (duplicated) notes.push(`${duplicated} updates appear more than once`);
      const allThere = present === succeeded.length && !duplicated;
      return [
        valueRow({ scenario: 'progress-concurrency', name: `${WORKERS}×${ADDS_PER_WORKER} progress add: throughput`, value: succeeded.length / seconds, unit: 'updates/s', figure: `${(succeeded.length / seconds).toFixed(1)} updates/s`, notes, ...(failures.length ? { status: 'failed' } : {}) }),
        valueRow({
          scenario: 'progress-concurrency',
          name: `${WORKERS}×${ADDS_PER_WORKER} progress add: all present`,
          value: present,
          unit: 'updates',
          figure: `${present}/${total} present${stopped ? ' (stopped)' : ''}`,
          target: `${total}/${total}`,
          // Stopped by the budget with nothing lost: over target, not failed; a lost or doubled update fails.
          status: !allThere || failures.length ? 'failed' : stopped ? 'over' : 'ok',
        }),
      ];
    } finally {
      resetPlan(ws, i);
    }
  },
};

/**
 * Plans to edit: `done` is the first whose first Progress item is unchecked (so "done 1" has work to
 * do), `add` the next one with a Progress section.
 */
export function pickPlans(ws) {
  let done;
  let add;
  for (let i = 0; i < ws.n && (done === undefined || add === undefined); i++) {
    const progress = progressSection(planText(i));
    if (progress === undefined) continue;
    const first = /^[ \t]*[-*+][ \t]+\[([ xX])\]/m.exec(progress);
    if (done === undefined && first && first[1] === ' ') done = i;
    else if (add === undefined) add = i;
  }
  if (done === undefined || add === undefined) throw new Error('no plan in the workspace has a Progress section with an unchecked first item');
  return { done, add };
}

function progressSection(text) {
  const start = /^##[ \t]+Progress\b.*$/m.exec(text);
  if (!start) return undefined;
  const rest = text.slice(start.index + start[0].length);
  const end = /^#{1,2}[ \t]/m.exec(rest);
  return end ? rest.slice(0, end.index) : rest;
}
