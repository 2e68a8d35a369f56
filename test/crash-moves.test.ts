/** Two crash points of `archive` in every test run (the one between the two moves among them); every point is in test/stress/crash-moves.test.ts. */
import { describe, expect, it } from 'vitest';
import { crashEveryStep } from './helpers/crash-moves.js';

describe('an archive killed between its two moves', () => {
  it('is finished by the next command: plan and artifacts end up together', async () => {
    // Calls of an archive with a --force note: create the archive folder, its artifacts folder, write the note, move the artifacts, move the plan.
    const cases = await crashEveryStep('archive', [4]);
    expect(cases.map((c) => c.problems)).toEqual([[], []]);
  });
});
