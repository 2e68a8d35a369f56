/** `archive` and `reopen` killed before and after every file-system step; the next command leaves plan and artifacts together. */
import { describe, expect, it } from 'vitest';
import { crashEveryStep } from '../helpers/crash-moves.js';

describe('a move killed at any step', () => {
  for (const op of ['archive', 'reopen'] as const) {
    it(`is finished or rolled back by the next command: ${op}`, async () => {
      const cases = await crashEveryStep(op);
      console.log(`${op}: killed at ${cases.length} points (before and after each of ${cases.length / 2} steps); ${cases.filter((c) => c.problems.length).length} left plan and artifacts apart`);
      expect(cases.filter((c) => c.problems.length)).toEqual([]);
    });
  }
});
