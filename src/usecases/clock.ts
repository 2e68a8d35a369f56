/** The time an operation runs at, taken once by the adapter and passed in, so every timestamp is testable. */
import { ExecplanError } from '../workspace/errors.js';

/** The moment and the zone offset an operation stamps and judges dates with. */
export interface Clock {
  now: Date;
  /** Minutes east of UTC for local timestamps. */
  tzOffsetMinutes: number;
}

/**
 * The clock from an environment: `EXECPLAN_NOW` (for reproducible runs) and `EXECPLAN_TZ_OFFSET`
 * (minutes east of UTC) when set, else the system's time and zone.
 */
export function clockFrom(env: Record<string, string | undefined>): Clock {
  const fixedNow = env.EXECPLAN_NOW;
  const now = fixedNow ? new Date(fixedNow) : new Date();
  if (Number.isNaN(now.getTime())) {
    throw new ExecplanError('USAGE', `EXECPLAN_NOW=${JSON.stringify(fixedNow)} is not a date; use an ISO date such as 2026-01-05T14:30:00Z, or unset it.`);
  }
  const offset = env.EXECPLAN_TZ_OFFSET;
  if (offset === undefined || offset.trim() === '') return { now, tzOffsetMinutes: -now.getTimezoneOffset() };
  const minutes = /^[+-]?\d{1,4}$/.test(offset.trim()) ? Number(offset) : NaN;
  // Zones run from UTC-12:00 to UTC+14:00; a day either way is the most any offset can mean.
  if (!(Math.abs(minutes) <= 24 * 60)) {
    throw new ExecplanError('USAGE', `EXECPLAN_TZ_OFFSET=${JSON.stringify(offset)} is not an offset from UTC in minutes; use one such as 120 for UTC+02:00 or -300 for UTC-05:00, or unset it to use the system's zone.`);
  }
  return { now, tzOffsetMinutes: minutes };
}
