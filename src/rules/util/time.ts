/** Comparing timestamps as written: naive times and bare dates may be in any zone, so they get slack. */
import { planStyle, type TimestampStyle } from '../../core/timestamps.js';
import type { Timestamp } from '../../core/types.js';
import type { RuleContext } from '../types.js';

/** The style a plan's Progress timestamps are held to, and how a message names it. */
export function styleFor(ctx: Pick<RuleContext, 'plan' | 'timestampStyle' | 'timestampStyleFromPlan'>): { style: TimestampStyle; name: string } {
  if (!ctx.timestampStyleFromPlan) return { style: ctx.timestampStyle, name: `configured ${ctx.timestampStyle} style` };
  const own = planStyle(ctx.plan);
  return own ? { style: own, name: `${own} style the plan's other timestamps use` } : { style: ctx.timestampStyle, name: `skeleton's ${ctx.timestampStyle} style` };
}

/** How far ahead of UTC a local clock can be (UTC+14). */
const MAX_ZONE_LEAD_MS = 14 * 60 * 60_000;

/** Whether a timestamp names its zone (`Z`, `+02:00`, `CET`), so its instant is known. */
function isZoned(ts: Pick<Timestamp, 'zone'>): boolean {
  return ts.zone !== undefined;
}

/** Whether the timestamp lies after `now` beyond what clock skew (and, for naive times, the zone) explains. */
export function isFuture(ts: Pick<Timestamp, 'epoch' | 'zone'>, now: Date, toleranceMs: number): boolean {
  const slack = toleranceMs + (isZoned(ts) ? 0 : MAX_ZONE_LEAD_MS);
  return ts.epoch > now.getTime() + slack;
}

/** Whether `cur` is earlier than `prev`, comparing dates alone when either has no time. */
export function isEarlier(cur: Timestamp, prev: Timestamp): boolean {
  if (cur.time === undefined || prev.time === undefined) return cur.date < prev.date;
  if (isZoned(cur) === isZoned(prev)) return cur.epoch < prev.epoch;
  return cur.epoch < prev.epoch - MAX_ZONE_LEAD_MS;
}
