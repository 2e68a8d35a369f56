/** Every completed Progress item says when it was done. */
import { formatTimestamp } from '../core/timestamps.js';
import type { Rule } from './types.js';
import { position } from './util/text.js';

/** Rule: progress-timestamp. */
export const rule: Rule = {
  meta: {
    id: 'progress-timestamp',
    description: 'Every completed Progress item carries a timestamp.',
    severity: 'error',
    recommended: 'error',
    fixable: false,
    requirement: 'ExecPlan skeleton, Progress: "Use checkboxes + timestamps."',
  },
  check(ctx) {
    const example = formatTimestamp(ctx.now, ctx.timestampStyle, ctx.tzOffsetMinutes);
    for (const item of ctx.plan.progress) {
      if (item.state !== 'done' || item.timestamp) continue;
      ctx.report({
        message: `The completed Progress item "${clip(item.text)}" has no timestamp; expected it to start with one like "${example}".`,
        ...position(ctx.plan, item.boxRange.end),
      });
    }
  },
};

function clip(s: string): string {
  return s.length > 50 ? `${s.slice(0, 47)}...` : s;
}
