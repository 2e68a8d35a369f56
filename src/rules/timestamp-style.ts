/** Progress timestamps are written in the workspace's style, at the start of the item. */
import type { Edit } from '../core/apply-edits.js';
import { matchesStyle, STYLE_FORM } from '../core/timestamps.js';
import type { Timestamp } from '../core/types.js';
import type { Rule } from './types.js';
import { position } from './util/text.js';
import { styleFor } from './util/time.js';

const REWRITABLE = /^\(\s*(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*(?:(Z|UTC|GMT|[+-]00:?00)\s*)?\)$/;

/** Rule: timestamp-style. */
export const rule: Rule = {
  meta: {
    id: 'timestamp-style',
    description: 'Progress timestamps use the configured style (`local` or `utc`) and open the item.',
    severity: 'error',
    recommended: 'warn',
    fixable: true,
    requirement: 'ExecPlan skeleton, Progress: "- [ ] (YYYY-MM-DD HH:MM) First concrete step."',
  },
  check(ctx) {
    const { style, name } = styleFor(ctx);
    // A plan that writes every timestamp in the other style chose it: one finding says so and how to
    // agree, instead of one per item that only the same change of style would clear.
    const other = style === 'utc' ? 'local' : 'utc';
    const stamped = ctx.plan.progress.map((i) => i.timestamp).filter((ts): ts is Timestamp => Boolean(ts?.valid));
    if (stamped.length >= 2 && stamped.every((ts) => matchesStyle(ts, other))) {
      ctx.report({
        message: `All ${stamped.length} Progress timestamps are in the ${other} style "${STYLE_FORM[other]}", not the configured ${style} style; expected "${STYLE_FORM[style]}", or "timestamps": {"style": "${other}"} in execplan.json to keep them.`,
        ...position(ctx.plan, stamped[0]!.range.start),
      });
      return;
    }
    for (const item of ctx.plan.progress) {
      const ts = item.timestamp;
      if (!ts || !ts.valid || matchesStyle(ts, style)) continue;
      const where = ts.place === 'end' ? ' at the start of the item' : '';
      const fixText = rewrite(ts, style);
      const fix: Edit[] | undefined = fixText ? [{ start: ts.range.start, end: ts.range.end, text: fixText }] : undefined;
      ctx.report({
        message: `The timestamp "${ts.raw}" is not in the ${name}; expected "${STYLE_FORM[style]}"${where}.`,
        ...position(ctx.plan, ts.range.start),
        ...(fix ? { fix } : {}),
      });
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
