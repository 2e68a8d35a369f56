/** Helpers the commands share for the process around them (see src/io.ts). */
import type { Io } from '../io.js';
import { clockFrom, type Clock } from '../usecases/clock.js';
import { envelope } from '../usecases/envelope.js';

export type { Io } from '../io.js';

/** Write one JSON document to stdout, in the envelope every `--json` document has: the only thing `--json` mode writes there. */
export function writeJson(io: Io, value: object): void {
  io.stdout(`${JSON.stringify(envelope(value), null, 2)}\n`);
}

/** Write a rendered result, its text on stdout and its notes on stderr; exit code 0. */
export function print(io: Io, out: { stdout: string; stderr: string }): number {
  io.stdout(out.stdout);
  io.stderr(out.stderr);
  return 0;
}

/** Print the files a setup command touched: `{ root, steps }` with `--json`, else one line per file; exit code 0. */
export function printSteps(io: Io, json: boolean | undefined, root: string, steps: readonly { path: string; action: string; note?: string }[]): number {
  if (json) writeJson(io, { root, steps });
  else io.stdout(renderSteps(steps));
  return 0;
}

/** One line per file: what was done, the file, and a note in brackets. */
export function renderSteps(steps: readonly { path: string; action: string; note?: string }[]): string {
  return steps.map((s) => `${s.action.padEnd(9)} ${s.path}${s.note ? `  (${s.note})` : ''}\n`).join('');
}

/** The clock a command runs at (see src/usecases/clock.ts). */
export function clockOf(io: Io): Clock {
  return clockFrom(io.env);
}
