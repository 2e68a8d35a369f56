/** The sections a plan has appear in the skeleton's (or the configured) order. */
import type { Section } from '../core/types.js';
import type { Rule } from './types.js';
import { longestIncreasing } from './util/order.js';
import { sectionTitle } from './util/sections.js';

/** Rule: section-order. */
export const rule: Rule = {
  meta: {
    id: 'section-order',
    description: 'Sections appear in the canonical order (configurable with `sections.order`).',
    severity: 'error',
    recommended: 'warn',
    fixable: false,
    requirement: 'ExecPlan skeleton (copy into a new file): the sections in the order the skeleton gives them.',
  },
  check(ctx) {
    const order = ctx.sections.order;
    const seen = new Set<string>();
    const placed: { section: Section; rank: number }[] = [];
    for (const s of ctx.plan.sections) {
      if (!s.key || seen.has(s.key)) continue;
      seen.add(s.key);
      const rank = order.indexOf(s.key);
      if (rank !== -1) placed.push({ section: s, rank });
    }
    // Keep the longest run already in order; every other section is the one out of place.
    const keep = longestIncreasing(placed.map((p) => p.rank));
    placed.forEach((p, i) => {
      if (keep.has(i)) return;
      const kept = placed.filter((_q, j) => keep.has(j));
      const before = kept.find((q) => q.rank > p.rank);
      const after = kept.filter((q) => q.rank < p.rank).pop();
      const title = sectionTitle(p.section.key!, ctx.sections);
      const where = before
        ? `before "${sectionTitle(before.section.key!, ctx.sections)}" (line ${before.section.line})`
        : `after "${sectionTitle(after!.section.key!, ctx.sections)}" (line ${after!.section.line})`;
      ctx.report({ message: `Section "${title}" is out of order; expected it ${where}.`, line: p.section.line, column: 1 });
    });
  },
};
