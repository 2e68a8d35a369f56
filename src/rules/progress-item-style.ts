/** Progress checkboxes are written one way: `[x]` not `[X]`, one bullet marker per list level. */
import type { Edit } from '../core/apply-edits.js';
import type { ProgressItem } from '../core/types.js';
import type { Rule } from './types.js';
import { position } from './util/text.js';

/** Rule: progress-item-style. */
export const rule: Rule = {
  meta: {
    id: 'progress-item-style',
    description: 'Progress items use `[x]` for done and the same bullet marker as the rest of their list.',
    severity: 'warn',
    recommended: 'warn',
    fixable: true,
    requirement: 'ExecPlan skeleton, Progress: "- [ ] (YYYY-MM-DD HH:MM) First concrete step."',
  },
  check(ctx) {
    const { plan } = ctx;
    for (const item of plan.progress) {
      if (item.mark === 'X') {
        const at = position(plan, item.boxRange.start);
        ctx.report({
          message: 'The Progress item is checked with "[X]"; expected "[x]".',
          ...at,
          fix: [{ start: item.boxRange.start, end: item.boxRange.end, text: '[x]' }],
        });
      }
    }
    for (const [depth, marker] of dominantMarkers(plan.progress)) {
      for (const item of plan.progress) {
        if (item.depth !== depth || !isBullet(item.marker) || item.marker === marker) continue;
        const start = item.range.start + item.indent.length;
        // Swapping one bullet character for another of the same width keeps every continuation line aligned.
        const fix: Edit[] = [{ start, end: start + 1, text: marker }];
        ctx.report({ message: `The Progress item uses the "${item.marker}" marker; expected "${marker}" like the rest of the list.`, ...position(plan, start), fix });
      }
    }
  },
};

function isBullet(marker: string): boolean {
  return marker === '-' || marker === '*' || marker === '+';
}

/** For each depth, the bullet marker most items use, when one clearly leads. */
function dominantMarkers(items: ProgressItem[]): Map<number, string> {
  const counts = new Map<number, Map<string, number>>();
  for (const it of items) {
    if (!isBullet(it.marker)) continue;
    const c = counts.get(it.depth) ?? new Map<string, number>();
    c.set(it.marker, (c.get(it.marker) ?? 0) + 1);
    counts.set(it.depth, c);
  }
  const out = new Map<number, string>();
  for (const [depth, c] of counts) {
    const ranked = [...c].sort((a, b) => b[1] - a[1]);
    if (ranked.length > 1 && ranked[0]![1] > ranked[1]![1]) out.set(depth, ranked[0]![0]);
  }
  return out;
}
