/** The edit loop of the editor race: a Progress item at a time, each applied edit's base checked whole, each refusal counted by reason. */
import { addProgressItem } from '../../src/core/edits/index.js';
import { ExecplanError } from '../../src/workspace/errors.js';
import { updatePlan } from '../../src/workspace/store.js';
import { isWholeRacePlan } from './race-plan.js';

/** What one edit loop saw. */
export interface EditTally {
  applied: number;
  partialBases: number;
  refused: Record<string, number>;
  unexpected: string[];
}

/** Edit `file` until `stopped()` says so. */
export async function editLoop(file: string, stopped: () => boolean, tag: string): Promise<EditTally> {
  const out: EditTally = { applied: 0, partialBases: 0, refused: {}, unexpected: [] };
  for (let i = 0; !stopped(); i++) {
    try {
      const outcome = await updatePlan(file, (plan) => ({ edits: addProgressItem(plan, `Step ${tag}.${i}.`, {}, { now: new Date('2026-01-05T15:00:00Z'), style: 'utc', offsetMinutes: 0 }).edits, result: null }), { lock: { timeoutMs: 30_000 } });
      if (outcome.written) {
        out.applied++;
        if (!isWholeRacePlan(outcome.before)) out.partialBases++;
      }
    } catch (err) {
      if (err instanceof ExecplanError && (err.code === 'CHANGED_ON_DISK' || err.code === 'LOCKED')) {
        const m = /looks half written \([^)]*\)|was changed by another program [^;]*|is locked/.exec(err.message);
        const reason = m ? m[0] : err.message;
        out.refused[reason] = (out.refused[reason] ?? 0) + 1;
      } else out.unexpected.push(err instanceof Error ? err.message : String(err));
    }
    await new Promise((r) => setTimeout(r, 1 + (i % 3)));
  }
  return out;
}
