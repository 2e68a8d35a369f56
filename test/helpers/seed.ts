/**
 * The seed of every randomised test: `EXECPLAN_TEST_SEED` when set, else a fixed default, so a run
 * is repeatable and a failure can be replayed. fast-check takes it globally (test/helpers/setup.ts)
 * and prints it in its failure report; other randomness comes from `seededRandom`, which prints
 * the seed when the test fails.
 *
 *     it('survives random kills', (ctx) => {
 *       const random = seededRandom(ctx);
 *       const delay = random() * 30;
 *     });
 *
 * Replay a failure with `EXECPLAN_TEST_SEED=<seed> npx vitest run <file>`.
 */
import type { TestContext } from 'vitest';

/** The seed used when `EXECPLAN_TEST_SEED` is not set. */
export const DEFAULT_TEST_SEED = 20260105;

/** The seed of this run. */
export function testSeed(): number {
  const raw = process.env.EXECPLAN_TEST_SEED;
  if (raw === undefined || raw.trim() === '') return DEFAULT_TEST_SEED;
  const seed = Number(raw);
  if (!Number.isSafeInteger(seed)) throw new Error(`EXECPLAN_TEST_SEED=${JSON.stringify(raw)} is not an integer; set it to the seed a failed run printed.`);
  return seed;
}

/** A generator of numbers in [0, 1) from the run's seed (mulberry32); the test prints the seed if it fails. */
export function seededRandom(ctx: TestContext, seed = testSeed()): () => number {
  ctx.onTestFailed(() => {
    process.stderr.write(`${ctx.task.name}: random seed ${seed} (replay with EXECPLAN_TEST_SEED=${seed})\n`);
  });
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
