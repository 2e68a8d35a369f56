/**
 * A separate writer process for concurrency tests: appends a checked Progress item to a plan through
 * `updatePlan`, holding the plan's lock for `holdMs` while it builds the edit.
 * Usage: node --import tsx test/helpers/append-progress.ts <plan> <text> [holdMs]
 * Prints `waiting` before asking for the lock and `locked` once it holds it; exits with the error's exit code.
 */
import { addProgressItem } from '../../src/core/edits/progress.js';
import { ExecplanError } from '../../src/workspace/errors.js';
import { updatePlan } from '../../src/workspace/store.js';

const [file, text, hold = '0'] = process.argv.slice(2);
process.stdout.write('waiting\n');
try {
  await updatePlan(file!, (plan) => {
    process.stdout.write('locked\n');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(hold));
    const change = addProgressItem(plan, text!, { done: true }, { now: new Date('2026-01-05T15:00:00Z'), style: 'local', offsetMinutes: 0 });
    return { edits: change.edits, result: null };
  });
  process.stdout.write('written\n');
} catch (err) {
  process.stderr.write(`${err instanceof ExecplanError ? err.code : 'ERROR'}: ${(err as Error).message}\n`);
  process.exitCode = err instanceof ExecplanError ? err.exitCode : 3;
}
