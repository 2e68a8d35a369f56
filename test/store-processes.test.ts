/**
 * The store with real processes, a few rounds: concurrent writers lose nothing, a killed writer
 * leaves the old or the new text. `npm run test:stress` runs the same with hundreds of kills
 * (test/stress/store-processes.test.ts).
 */
import { describe, it } from 'vitest';
import { seededRandom } from './helpers/seed.js';
import { concurrentAppends, killedWriters, useWriter } from './helpers/store-processes.js';

useWriter();

describe('the store with real processes', () => {
  it('3 processes appending 15 items and 3 decisions each to one plan lose nothing', async () => {
    await concurrentAppends(3, 15, 3);
  }, 120_000);

  it('a writer killed at random moments 12 times leaves the old or the new text, never a broken one', async (ctx) => {
    await killedWriters(12, seededRandom(ctx));
  }, 120_000);
});
