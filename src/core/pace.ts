/**
 * Rates of progress drawn from a plan's own timestamps, as the specification keeps them "to measure
 * rates of progress": how many items were done in the last days, the burn-up of done items over time,
 * and the living sections' entries in date order.
 */
import type { LogEntry, Plan } from './types.js';

const DAY = 86_400_000;

/** Items done per day over a window that ends now. */
export interface Pace {
  /** Done items whose timestamp falls inside the window. */
  done: number;
  days: number;
  perDay: number;
}

/** Items done per day over the `days` before `now`, from the Progress timestamps. */
export function paceOf(plan: Plan, now: number, days = 7): Pace {
  const since = now - days * DAY;
  let done = 0;
  for (const item of plan.progress) {
    const ts = item.timestamp;
    if (item.state === 'done' && ts?.valid && ts.epoch > since && ts.epoch <= now) done++;
  }
  return { done, days, perDay: done / days };
}

/** One step of a burn-up: at `epoch`, `done` items were done (of `total`, when known). */
export interface BurnUpPoint {
  epoch: number;
  done: number;
  total?: number;
}

/** The done items by their timestamps, counted up; items done without a timestamp are left out. */
export function burnUp(plan: Plan): BurnUpPoint[] {
  const times = plan.progress
    .filter((i) => i.state === 'done' && i.timestamp?.valid)
    .map((i) => i.timestamp!.epoch)
    .sort((a, b) => a - b);
  return times.map((epoch, n) => ({ epoch, done: n + 1 }));
}

/** An entry of a living log with the date it carries. */
export interface DatedEntry {
  kind: 'decision' | 'surprise' | 'outcome';
  /** `YYYY-MM-DD` from its Date/Author field or its opening words, or null. */
  date: string | null;
  /** The entry's main text: the decision, the observation, or the whole entry. */
  title: string;
  /** The other fields, as label and value. */
  details: { label: string; value: string }[];
  line: number;
}

const DATE = /\b(\d{4}-\d{2}-\d{2})\b/;

/** The decisions, surprises and outcomes of a plan, dated ones first in date order, then the rest as written. */
export function datedEntries(plan: Plan): DatedEntry[] {
  const all = [
    ...plan.decisions.map((e) => dated('decision', e, 'decision')),
    ...plan.surprises.map((e) => dated('surprise', e, 'observation')),
    ...plan.outcomes.map((e) => dated('outcome', e, undefined)),
  ];
  const withDate = all.filter((e) => e.date !== null).sort((a, b) => (a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : a.line - b.line));
  return [...withDate, ...all.filter((e) => e.date === null)];
}

function dated(kind: DatedEntry['kind'], entry: LogEntry, main: string | undefined): DatedEntry {
  const fields = entry.fields;
  const dateField = fields.find((f) => f.name === 'date-author' || f.name === 'date');
  const date = DATE.exec(dateField?.value ?? '')?.[1] ?? DATE.exec(entry.text.slice(0, 40))?.[1] ?? null;
  const head = main ? fields.find((f) => f.name === main) : undefined;
  return {
    kind,
    date,
    title: head ? head.value : entry.text,
    details: fields.filter((f) => f !== head).map((f) => ({ label: f.label.replace(/:$/, ''), value: f.value })),
    line: entry.line,
  };
}
