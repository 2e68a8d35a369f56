/** Timestamps are real dates and times, and none lies in the future. */
import type { Rule, RuleContext } from './types.js';
import { isFuture } from './util/time.js';
import { position } from './util/text.js';

const ENTRY_DATE = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2}))?(?:\s*(Z)(?![A-Za-z]))?/;

/** Rule: timestamp-valid. */
export const rule: Rule = {
  meta: {
    id: 'timestamp-valid',
    description: 'Timestamps in Progress and dates in the Decision Log are real calendar dates and times, not in the future.',
    severity: 'error',
    recommended: 'error',
    fixable: false,
    requirement: 'Non-negotiable 2, "Be a living document": the record of progress and decisions is what a restart relies on.',
    options: { toleranceMinutes: 5 },
  },
  check(ctx) {
    const tolerance = Number(ctx.options.toleranceMinutes ?? 5) * 60_000;
    // Messages do not name the current time: a cached finding must read the same on every run.
    for (const item of ctx.plan.progress) {
      const ts = item.timestamp;
      if (!ts) continue;
      const at = position(ctx.plan, ts.range.start);
      if (!ts.valid) ctx.report({ message: `The timestamp "${ts.raw}" is not a real date and time; expected a valid YYYY-MM-DD HH:MM.`, ...at });
      else if (isFuture(ts, ctx.now, tolerance)) ctx.report({ message: `The timestamp "${ts.raw}" is in the future; expected a time that has already passed.`, ...at });
    }
    checkDecisionDates(ctx, tolerance);
  },
};

function checkDecisionDates(ctx: RuleContext, tolerance: number): void {
  const { lines } = ctx;
  for (const entry of ctx.plan.decisions) {
    for (const field of entry.fields) {
      if (field.name !== 'date-author' && field.name !== 'date') continue;
      const text = lines[field.line - 1]?.text ?? '';
      const m = ENTRY_DATE.exec(text);
      if (!m) continue;
      const [raw, y, mo, d, hh, mm, zone] = m;
      const epoch = toEpoch(Number(y), Number(mo), Number(d), Number(hh ?? 0), Number(mm ?? 0));
      const at = { line: field.line, column: m.index + 1 };
      if (Number.isNaN(epoch)) ctx.report({ message: `The date "${raw}" is not a real date; expected a valid YYYY-MM-DD.`, ...at });
      else if (isFuture({ epoch, ...(zone ? { zone } : {}) }, ctx.now, tolerance)) {
        ctx.report({ message: `The date "${raw}" is in the future; expected a date that has already passed.`, ...at });
      }
    }
  }
}

function toEpoch(y: number, mo: number, d: number, h: number, mi: number): number {
  if (mo < 1 || mo > 12 || h > 23 || mi > 59) return NaN;
  const ms = Date.UTC(y, mo - 1, d, h, mi);
  const c = new Date(ms);
  return c.getUTCDate() === d && c.getUTCMonth() === mo - 1 ? ms : NaN;
}
