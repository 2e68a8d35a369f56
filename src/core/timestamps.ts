/** Reading and writing the timestamps that Progress items and log entries carry. */
import type { Plan, Timestamp, TimestampForm } from './types.js';

const DATE = String.raw`(\d{4})-(\d{2})-(\d{2})`;
const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?`;
const ZONE = String.raw`(Z|[+-]\d{2}:?\d{2}|UTC|GMT|[A-Z]{2,5}T?|[A-Za-z]+\/[A-Za-z_]+)`;
// `(2026-01-05 02:10Z)`, `(2026-03-19T00:00:00Z)`, `(2026-02-07)`, `(2025-12-29 21:05 CET)`, `(2026-04-29 Asia/Shanghai)`.
const PAREN = new RegExp(String.raw`^\(\s*${DATE}(?:([ T])${TIME})?\s*(?:${ZONE}\s*)?\)`);
// `2026-05-08T23:18:28Z - ...`, `2026-08-02：...`, `2026-03-10 14:00: ...`.
const BARE = new RegExp(String.raw`^${DATE}(?:([ T])${TIME})?\s*${ZONE}?(?=$|[\s:：,;—–\-)\]])`);
// `... (2026-03-20)` at the end of an item, also in emphasis: `... *(2025-10-28)*`.
const TRAILING = new RegExp(String.raw`[*_]{0,3}\(\s*${DATE}(?:([ T])${TIME})?\s*(?:${ZONE}\s*)?\)[*_]{0,3}\s*(?:\.\s*)?$`);

// `... 2026-04-06 10:13 CDT` at the end of an item: a date with a time, no parentheses. A date alone
// there is as often a deadline as a stamp, so it is not read as one.
const TRAILING_BARE = new RegExp(String.raw`(?:^|[\s—–])${DATE}([ T])${TIME}(?: ?${ZONE})?[ 	]{0,4}\.?[ 	]{0,4}$`);

/** Read a timestamp at the start of `text` (after leading spaces); `offset` is where `text` starts in the source. */
export function readLeadingTimestamp(text: string, offset: number): Timestamp | undefined {
  const lead = text.length - text.trimStart().length;
  const rest = text.slice(lead);
  let m = PAREN.exec(rest);
  let paren = true;
  if (!m) {
    m = BARE.exec(rest);
    paren = false;
  }
  if (!m) return undefined;
  return build(m, offset + lead, paren, 'start');
}

/** Read a timestamp at the end of `text`: in parentheses, or a bare date and time. */
export function readTrailingTimestamp(text: string, offset: number): Timestamp | undefined {
  const m = TRAILING.exec(text);
  if (!m) {
    const bare = TRAILING_BARE.exec(text);
    if (!bare) return undefined;
    const lead = bare[0].search(/\d/);
    const raw = bare[0].trim().replace(/\.$/, '').trimEnd();
    const ts = build(bare, offset + bare.index + lead, false, 'end');
    ts.raw = raw;
    ts.range = { start: offset + bare.index + lead, end: offset + bare.index + lead + raw.length };
    return ts;
  }
  const ts = build(m, offset + m.index, true, 'end');
  // The match may include emphasis around the parentheses, and a final period or spaces.
  const open = m[0].indexOf('(');
  const close = m[0].lastIndexOf(')') + 1;
  ts.raw = m[0].slice(open, close);
  ts.range = { start: offset + m.index + open, end: offset + m.index + close };
  return ts;
}

function build(m: RegExpExecArray, start: number, paren: boolean, place: 'start' | 'end'): Timestamp {
  const [raw, y, mo, d, sep, hh, mm, ss, zone] = m as unknown as (string | undefined)[];
  const date = `${y}-${mo}-${d}`;
  const time = hh !== undefined ? `${hh.padStart(2, '0')}:${mm}` : undefined;
  const form = classify(paren, sep, ss !== undefined, time !== undefined, zone);
  const epoch = toEpoch(Number(y), Number(mo), Number(d), hh ? Number(hh) : 0, mm ? Number(mm) : 0, ss ? Number(ss) : 0, zone);
  return {
    raw: raw!,
    range: { start, end: start + raw!.length },
    form,
    place,
    date,
    ...(time !== undefined ? { time } : {}),
    ...(zone !== undefined ? { zone } : {}),
    epoch,
    valid: !Number.isNaN(epoch),
  };
}

function classify(paren: boolean, sep: string | undefined, seconds: boolean, hasTime: boolean, zone: string | undefined): TimestampForm {
  if (!paren) return hasTime ? 'bare-datetime' : 'bare-date';
  if (!hasTime) return zone ? 'zoned' : 'date';
  if (sep === 'T' || seconds) return 'iso';
  if (zone === undefined) return 'local';
  if (zone === 'Z') return 'utc';
  return 'zoned';
}

const NAMED_OFFSETS: Record<string, number> = {
  UTC: 0, GMT: 0, Z: 0, CET: 60, CEST: 120, EET: 120, EEST: 180, WET: 0, WEST: 60, BST: 60,
  EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
  JST: 540, KST: 540, IST: 330, AEST: 600, AEDT: 660, HKT: 480, SGT: 480,
};

/** Milliseconds since the epoch, or NaN when the date or time does not exist. Unknown zones read as UTC. */
function toEpoch(y: number, mo: number, d: number, h: number, mi: number, s: number, zone: string | undefined): number {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return NaN;
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(ms);
  if (check.getUTCDate() !== d || check.getUTCMonth() !== mo - 1) return NaN;
  let offsetMin = 0;
  if (zone) {
    const off = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
    if (off) offsetMin = (off[1] === '-' ? -1 : 1) * (Number(off[2]) * 60 + Number(off[3]));
    else offsetMin = NAMED_OFFSETS[zone] ?? 0;
  }
  return ms - offsetMin * 60_000;
}

/** The timestamp styles a workspace can ask for. */
export type TimestampStyle = 'local' | 'utc';

/** How each style is written, as a pattern for messages. */
export const STYLE_FORM: Readonly<Record<TimestampStyle, string>> = { local: '(YYYY-MM-DD HH:MM)', utc: '(YYYY-MM-DD HH:MMZ)' };

/**
 * Format `now` in the configured style: `(YYYY-MM-DD HH:MM)` in the given zone offset (minutes east of UTC)
 * for `local`, `(YYYY-MM-DD HH:MMZ)` for `utc`.
 */
export function formatTimestamp(now: Date, style: TimestampStyle, offsetMinutes = 0): string {
  const shifted = new Date(now.getTime() + (style === 'local' ? offsetMinutes : 0) * 60_000);
  const p = (n: number) => String(n).padStart(2, '0');
  const s = `${shifted.getUTCFullYear()}-${p(shifted.getUTCMonth() + 1)}-${p(shifted.getUTCDate())} ${p(shifted.getUTCHours())}:${p(shifted.getUTCMinutes())}`;
  return style === 'utc' ? `(${s}Z)` : `(${s})`;
}

/** `YYYY-MM-DD` of `now` in the given zone offset. */
export function formatDate(now: Date, offsetMinutes = 0): string {
  return formatTimestamp(now, 'local', offsetMinutes).slice(1, 11);
}

/** Whether a timestamp is written in the configured style. */
export function matchesStyle(ts: Timestamp, style: TimestampStyle): boolean {
  return ts.place === 'start' && ts.form === (style === 'utc' ? 'utc' : 'local');
}

/**
 * The style a plan's own Progress timestamps are written in, when most of those in either style are
 * in one: `utc` for a plan of `(… 14:30Z)` stamps. Undefined when the plan has none or is split.
 */
export function planStyle(plan: Plan): TimestampStyle | undefined {
  let utc = 0;
  let local = 0;
  for (const { timestamp } of plan.progress) {
    if (!timestamp) continue;
    if (matchesStyle(timestamp, 'utc')) utc++;
    else if (matchesStyle(timestamp, 'local')) local++;
  }
  return utc > local ? 'utc' : local > utc ? 'local' : undefined;
}

/** The style an edit writes: the configured one when the configuration sets it, else the plan's own, else the default. */
export function writingStyle(configured: { style: TimestampStyle; explicit?: boolean }, plan: Plan): TimestampStyle {
  return configured.explicit ? configured.style : (planStyle(plan) ?? configured.style);
}

/**
 * The shape a timestamp is written in, beyond its form: parentheses, `T` or a space, seconds, and
 * the kind of zone (none, `Z`, an offset, a name). Two stamps of one shape read alike.
 */
export function shapeOf(ts: Pick<Timestamp, 'raw' | 'zone' | 'time'>): string {
  const zone = ts.zone === undefined ? 'naive' : ts.zone === 'Z' ? 'Z' : /^[+-]/.test(ts.zone) ? 'offset' : 'named';
  const paren = ts.raw.startsWith('(') ? 'paren' : 'bare';
  if (ts.time === undefined) return `${paren} date ${zone}`;
  return `${paren} ${/\dT\d/.test(ts.raw) ? 'T' : ' '} ${/\d:\d\d:\d\d/.test(ts.raw) ? 'seconds' : 'minutes'} ${zone}`;
}

/**
 * The shape most of a plan's leading Progress timestamps share, when at least two do and they are
 * more than half of them; undefined otherwise.
 */
export function dominantShape(plan: Plan): { shape: string; example: Timestamp } | undefined {
  const counts = new Map<string, { n: number; example: Timestamp }>();
  let total = 0;
  for (const { timestamp } of plan.progress) {
    if (!timestamp?.valid || timestamp.place !== 'start') continue;
    total++;
    const shape = shapeOf(timestamp);
    const c = counts.get(shape);
    if (c) c.n++;
    else counts.set(shape, { n: 1, example: timestamp });
  }
  let best: [string, { n: number; example: Timestamp }] | undefined;
  for (const e of counts) if (!best || e[1].n > best[1].n) best = e;
  return best && best[1].n >= 2 && best[1].n * 2 > total ? { shape: best[0], example: best[1].example } : undefined;
}

/** Minutes east of UTC of a zone as a stamp writes it (`Z`, `+08:00`, `+0700`, `CET`, `Asia/Shanghai`) at `now`; undefined when unknown. */
function zoneOffset(zone: string, now: Date): number | undefined {
  if (zone === 'Z') return 0;
  const off = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (off) return (off[1] === '-' ? -1 : 1) * (Number(off[2]) * 60 + Number(off[3]));
  if (zone in NAMED_OFFSETS) return NAMED_OFFSETS[zone];
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' }).formatToParts(now);
    const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
    const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
    return Math.round((local - Math.floor(now.getTime() / 60_000) * 60_000) / 60_000);
  } catch {
    return undefined;
  }
}

/**
 * `now` written in the form of `like`, one of the plan's own stamps: parentheses or none, `T` or a
 * space, seconds, date only, and its zone (`Z`, the same offset, the same zone name). A naive stamp
 * is written in the local zone (`offsetMinutes` east of UTC). Undefined when the zone is unknown.
 */
export function formatLike(now: Date, like: Pick<Timestamp, 'raw' | 'zone' | 'time'>, offsetMinutes = 0): string | undefined {
  const zone = like.zone;
  const offset = zone === undefined ? offsetMinutes : zoneOffset(zone, now);
  if (offset === undefined) return undefined;
  const t = new Date(now.getTime() + offset * 60_000);
  const p = (n: number) => String(n).padStart(2, '0');
  let s = `${t.getUTCFullYear()}-${p(t.getUTCMonth() + 1)}-${p(t.getUTCDate())}`;
  if (like.time !== undefined) {
    s += /\dT\d/.test(like.raw) ? 'T' : ' ';
    s += `${p(t.getUTCHours())}:${p(t.getUTCMinutes())}`;
    if (/\d:\d\d:\d\d/.test(like.raw)) s += `:${p(t.getUTCSeconds())}`;
  }
  if (zone !== undefined) s += like.raw.includes(` ${zone}`) ? ` ${zone}` : zone;
  return like.raw.startsWith('(') ? `(${s})` : s;
}
