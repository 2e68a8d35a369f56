/** Completed Progress items, read top to bottom, do not go back in time. */
import type { Timestamp } from '../core/types.js';
import type { Rule } from './types.js';
import { isEarlier } from './util/time.js';
import { position } from './util/text.js';

/** Rule: timestamp-order. */
export const rule: Rule = {
  meta: {
    id: 'timestamp-order',
    description: 'Timestamps of completed top-level Progress items do not go backwards.',
    severity: 'warn',
    recommended: 'warn',
    fixable: false,
    requirement: 'How to use ExecPlans: "add or split entries in the list at every stopping point to affirmatively state the progress made".',
  },
  check(ctx) {
    let prev: { ts: Timestamp; line: number } | undefined;
    for (const item of ctx.plan.progress) {
      const ts = item.timestamp;
      if (item.state !== 'done' || item.depth !== 0 || !ts?.valid) continue;
      if (prev && isEarlier(ts, prev.ts)) {
        ctx.report({
          message: `The timestamp "${ts.raw}" is earlier than "${prev.ts.raw}" on line ${prev.line}; expected completed items in time order.`,
          ...position(ctx.plan, ts.range.start),
        });
      }
      prev = { ts, line: item.line };
    }
  },
};
