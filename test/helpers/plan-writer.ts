/**
 * A separate process that updates one plan through the store, for the concurrency and crash tests.
 *
 *   append <file> <tag> <items> <decisions>   add <items> Progress items and a decision after every
 *                                            items/decisions-th one, then exit
 *   loop <file>                               on a line on stdin, add `step N` items until killed, printing "ready" after the first
 */
import { addDecision, addProgressItem } from '../../src/core/edits/index.js';
import type { EditContext } from '../../src/core/edits/context.js';
import { updatePlan } from '../../src/workspace/store.js';

const ctx: EditContext = { now: new Date('2026-03-04T05:06:00Z'), style: 'utc', offsetMinutes: 0 };

/** The n-th step of the loop writer, so the sequence of states is the same in every run. */
export function loopStep(plan: Parameters<typeof addProgressItem>[0]) {
  return addProgressItem(plan, `step ${plan.progress.length + 1}`, { done: plan.progress.length % 2 === 0 }, ctx);
}

async function main(): Promise<void> {
  const [mode, file, tag, items, decisions] = process.argv.slice(2);
  if (!file) throw new Error('usage: plan-writer append|loop <file> ...');
  const lock = { timeoutMs: 120_000 };
  if (mode === 'append') {
    const n = Number(items);
    const every = Math.max(1, Math.floor(n / Number(decisions)));
    for (let i = 1; i <= n; i++) {
      await updatePlan(file, (plan) => ({ edits: addProgressItem(plan, `${tag} item ${i}`, {}, ctx).edits, result: null }), { lock });
      if (i % every === 0 && i / every <= Number(decisions)) {
        const d = { decision: `${tag} decision ${i / every}`, rationale: `${tag} reason`, author: tag! };
        await updatePlan(file, (plan) => ({ edits: addDecision(plan, d, ctx).edits, result: null }), { lock });
      }
    }
    return;
  }
  if (mode === 'loop') {
    // Started ahead of time, it warms up with a dry run, then waits for a line on stdin: the
    // previous writer is dead by then.
    await updatePlan(file, (plan) => ({ edits: loopStep(plan).edits, result: null }), { dryRun: true });
    await new Promise((resolve) => process.stdin.once('data', resolve));
    // "ready" once the first update is in: the lock a killed predecessor left has been recovered.
    for (let n = 0; ; n++) {
      await updatePlan(file, (plan) => ({ edits: loopStep(plan).edits, result: null }), { lock });
      if (n === 0) process.stdout.write('ready\n');
    }
  }
  throw new Error(`unknown mode ${mode}`);
}

if (process.argv[1] && /plan-writer\.(?:m?js|ts)$/.test(process.argv[1])) {
  main().catch((err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  });
}
