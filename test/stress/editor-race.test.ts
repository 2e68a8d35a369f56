/**
 * The long editor race: an editor saving every few milliseconds, in place or by rename, against
 * edits from four processes at once. No edit may be applied to a partial text; every edit is applied
 * to a whole, current text or refused with its reason. The editor saves that were overwritten are
 * counted and printed beside the window README.md promises (the instant between an edit's last
 * look at the plan and its rename).
 */
import { describe, expect, it } from 'vitest';
import { describeRace, editorRace } from '../helpers/editor-race.js';

const DURATION_MS = Number(process.env.EXECPLAN_RACE_MS ?? 8_000);
const WINDOW = 'README promises: a save is overwritten only when it lands between an edit\'s last stat of the plan and its rename (a few microseconds per edit)';

describe('an editor saving while four processes edit', () => {
  for (const mode of ['inplace', 'rename'] as const) {
    it(`applies every edit to a whole text or refuses it: ${mode}`, async () => {
      const f = await editorRace({ mode, writers: 4, durationMs: DURATION_MS, intervalMs: 3 });
      console.log(`${describeRace(f)}\n${WINDOW}; edits applied per overwritten save: ${f.overwritten ? (f.applied / f.overwritten).toFixed(0) : 'none overwritten'}`);
      expect(f.unexpected).toEqual([]);
      expect(f.partialBases).toBe(0);
      expect(f.finalWhole).toBe(true);
      expect(f.applied).toBeGreaterThan(0);
      // Overwrites need an edit's rename to fall in that window: far fewer than the edits applied.
      expect(f.overwritten).toBeLessThan(Math.max(5, f.applied / 10));
    });
  }
});
