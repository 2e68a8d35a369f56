/** The store with real processes, at length: many concurrent writers, hundreds of kills. */
import { describe, it } from 'vitest';
import { seededRandom } from '../helpers/seed.js';
import { concurrentAppends, killedWriters, useWriter } from '../helpers/store-processes.js';

useWriter();

describe('the store with real processes, at length', () => {
  it('8 processes appending 50 items and 10 decisions each to one plan lose nothing', async () => {
    await concurrentAppends(8, 50, 10);
  }, 300_000);

  it('a writer killed at random moments 200 times leaves the old or the new text, never a broken one', async (ctx) => {
    await killedWriters(200, seededRandom(ctx));
  }, 600_000);
});
