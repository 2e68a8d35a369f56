/** Every completed Progress item says when it was done. */
import { STYLE_FORM } from '../core/timestamps.js';
import type { Rule } from './types.js';
import { position } from './util/text.js';
import { styleFor } from './util/time.js';

const INSIDE = /\(\s*\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}[^)]{0,12})?\s*\)/;

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
    const form = STYLE_FORM[styleFor(ctx).style];
    for (const item of ctx.plan.progress) {
      if (item.state !== 'done' || item.timestamp) continue;
      // A timestamp in the middle of the item (after a note in parentheses, say) is there, but misplaced.
      const inside = INSIDE.exec(item.text);
      ctx.report({
        message: inside
          ? `The completed Progress item "${clip(item.text)}" has its timestamp "${inside[0]}" inside its text; expected it at the start, in the form "${form}".`
          : `The completed Progress item "${clip(item.text)}" has no timestamp; expected it to start with one in the form "${form}".`,
        ...position(ctx.plan, item.boxRange.end),
      });
    }
  },
};

function clip(s: string): string {
  return s.length > 50 ? `${s.slice(0, 47)}...` : s;
}
