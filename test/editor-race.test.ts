/** A short editor race in every test run; the long one is in test/stress/editor-race.test.ts. */
import { describe, expect, it } from 'vitest';
import { describeRace, editorRace } from './helpers/editor-race.js';

describe('an editor saving while edits run (short race)', () => {
  for (const mode of ['inplace', 'rename'] as const) {
    it(`never rebuilds a plan from a partial file: ${mode}`, async () => {
      const f = await editorRace({ mode, writers: 1, durationMs: 1000, intervalMs: 3, inProcess: true });
      console.log(describeRace(f));
      expect(f.unexpected).toEqual([]);
      expect(f.partialBases).toBe(0);
      expect(f.finalWhole).toBe(true);
      expect(f.saves).toBeGreaterThan(0);
    });
  }
});
