/** Progress timestamps are written in one style, at the start of the item: the configured one, or the plan's own. */
import type { Edit } from '../core/apply-edits.js';
import { dominantShape, matchesStyle, shapeOf, STYLE_FORM } from '../core/timestamps.js';
import type { Timestamp } from '../core/types.js';
import type { Rule } from './types.js';
import { position } from './util/text.js';
import { styleFor } from './util/time.js';

const REWRITABLE = /^\(\s*(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*(?:(Z|UTC|GMT|[+-]00:?00)\s*)?\)$/;

/** Rule: timestamp-style. */
export const rule: Rule = {
  meta: {
    id: 'timestamp-style',
    description: 'Progress timestamps open the item with a date and a time, in the configured style or, when none is configured, in the form the plan uses throughout.',
    severity: 'error',
    recommended: 'warn',
    fixable: true,
    requirement: 'ExecPlan skeleton, Progress: "- [ ] (YYYY-MM-DD HH:MM) First concrete step."',
  },
  check(ctx) {
    const { style, name } = styleFor(ctx);
    const fromPlan = Boolean(ctx.timestampStyleFromPlan);
    const stamped = ctx.plan.progress.map((i) => i.timestamp).filter((ts): ts is Timestamp => Boolean(ts?.valid));
    if (!fromPlan) {
      // A plan that writes every timestamp in the other style chose it: one finding says so and how to
      // agree, instead of one per item that only the same change of style would clear.
      const other = style === 'utc' ? 'local' : 'utc';
      if (stamped.length >= 2 && stamped.every((ts) => matchesStyle(ts, other))) {
        ctx.report({
          message: `All ${stamped.length} Progress timestamps are in the ${other} style "${STYLE_FORM[other]}", not the configured ${style} style; expected "${STYLE_FORM[style]}", or "timestamps": {"style": "${other}"} in execplan.json to keep them.`,
          ...position(ctx.plan, stamped[0]!.range.start),
        });
        return;
      }
    }
    // Without a configured style, a plan that writes its stamps in one form of its own (an ISO offset,
    // a zone name, no parentheses) is held to that form; a date with no time is never enough.
    const own = fromPlan ? dominantShape(ctx.plan) : undefined;
    const ownForm = own && own.example.time !== undefined && !matchesStyle(own.example, style) ? own : undefined;
    for (const item of ctx.plan.progress) {
      const ts = item.timestamp;
      if (!ts || !ts.valid) continue;
      if (ts.place === 'start' && (ownForm ? shapeOf(ts) === ownForm.shape : matchesStyle(ts, style))) continue;
      const expected = ownForm ? `"${ownForm.example.raw}"` : `"${STYLE_FORM[style]}"`;
      const fixText = ownForm ? undefined : rewrite(ts, style);
      const fix: Edit[] | undefined = fixText ? [{ start: ts.range.start, end: ts.range.end, text: fixText }] : undefined;
      let message: string;
      if (ts.place === 'end') message = `The timestamp "${ts.raw}" stands at the end of the item; expected it at the start, in the form ${expected}.`;
      else if (ts.time === undefined) message = `The timestamp "${ts.raw}" has a date but no time; expected ${expected}.`;
      else if (ownForm) message = `The timestamp "${ts.raw}" is not in the form the plan's other timestamps use; expected the form of ${expected}.`;
      else message = `The timestamp "${ts.raw}" is not in the ${name}; expected ${expected}.`;
      ctx.report({ message, ...position(ctx.plan, ts.range.start), ...(fix ? { fix } : {}) });
    }
  },
};

/** The same instant in the configured style, when it can be written without losing or inventing anything. */
function rewrite(ts: Timestamp, style: 'local' | 'utc'): string | undefined {
  if (ts.place !== 'start') return undefined;
  const m = REWRITABLE.exec(ts.raw);
  if (!m) return undefined;
  const [, date, hh, mm, ss, frac, zone] = m;
  if ((ss && ss !== '00') || (frac && /[1-9]/.test(frac))) return undefined;
  if (style === 'utc' && !zone) return undefined;
  if (style === 'local' && zone) return undefined;
  return style === 'utc' ? `(${date} ${hh}:${mm}Z)` : `(${date} ${hh}:${mm})`;
}
