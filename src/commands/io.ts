/** What a command may touch of the outside world, passed in so tests can run commands in-process. */
import { ExecplanError } from '../workspace/errors.js';

/** The process around a command. */
export interface Io {
  cwd: string;
  env: Record<string, string | undefined>;
  /** Standard output; bytes are UTF-8 text written as they are (a report replayed from the lint cache). */
  stdout: (text: string | Uint8Array) => void;
  stderr: (text: string) => void;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** Standard input, for commands that read it; absent when there is none. */
  stdin?: NodeJS.ReadableStream;
}

/** Options every command takes. */
export interface GlobalOptions {
  /** Run as if started in this folder. */
  cwd?: string;
  json?: boolean;
}

/** Write one JSON document to stdout: the only thing `--json` mode writes there. */
export function writeJson(io: Io, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}

/** The clock, from `EXECPLAN_NOW` when set (for reproducible runs), else the system's. */
export function clock(io: Io): Date {
  const fixed = io.env.EXECPLAN_NOW;
  if (fixed) {
    const d = new Date(fixed);
    if (Number.isNaN(d.getTime())) {
      throw new ExecplanError('USAGE', `EXECPLAN_NOW=${JSON.stringify(fixed)} is not a date; use an ISO date such as 2026-01-05T14:30:00Z, or unset it.`);
    }
    return d;
  }
  return new Date();
}

/** Minutes east of UTC for local timestamps: `EXECPLAN_TZ_OFFSET` when set, else the system zone's at `now`. */
export function tzOffset(io: Io, now: Date): number {
  const fixed = io.env.EXECPLAN_TZ_OFFSET;
  if (fixed === undefined || fixed.trim() === '') return -now.getTimezoneOffset();
  const minutes = /^[+-]?\d{1,4}$/.test(fixed.trim()) ? Number(fixed) : NaN;
  // Zones run from UTC-12:00 to UTC+14:00; a day either way is the most any offset can mean.
  if (!(Math.abs(minutes) <= 24 * 60)) {
    throw new ExecplanError('USAGE', `EXECPLAN_TZ_OFFSET=${JSON.stringify(fixed)} is not an offset from UTC in minutes; use one such as 120 for UTC+02:00 or -300 for UTC-05:00, or unset it to use the system's zone.`);
  }
  return minutes;
}
