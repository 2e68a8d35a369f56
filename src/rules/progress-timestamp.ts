/** Every completed Progress item says when it was done. */
import { STYLE_FORM } from '../core/timestamps.js';
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
    // The form, not the current time: a message that named the clock would change on every run.
    const form = STYLE_FORM[ctx.timestampStyle];
    for (const item of ctx.plan.progress) {
      if (item.state !== 'done' || item.timestamp) continue;
      ctx.report({
        message: `The completed Progress item "${clip(item.text)}" has no timestamp; expected it to start with one in the form "${form}".`,
        ...position(ctx.plan, item.boxRange.end),
      });
    }
  },
};

function clip(s: string): string {
  return s.length > 50 ? `${s.slice(0, 47)}...` : s;
}
