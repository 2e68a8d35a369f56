/** The sections a plan has appear in the skeleton's (or the configured) order. */
import type { Section } from '../core/types.js';
import type { Rule } from './types.js';
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

/**
 * Indexes of one longest strictly increasing subsequence; among those of the same length, the one
 * that keeps the sections nearest the skeleton's start (Purpose and the living sections), so a plan
 * that moves its narrative sections to the front is told about those, not about its living ones.
 */
function longestIncreasing(values: number[]): Set<number> {
  // For each end, the best run ending there: its indexes, and its ranks to compare runs of one length.
  const best: { idx: number[]; ranks: number[] }[] = [];
  const better = (a: { ranks: number[] }, b: { ranks: number[] } | undefined) => {
    if (!b) return true;
    if (a.ranks.length !== b.ranks.length) return a.ranks.length > b.ranks.length;
    for (let k = 0; k < a.ranks.length; k++) if (a.ranks[k] !== b.ranks[k]) return a.ranks[k]! < b.ranks[k]!;
    return false;
  };
  values.forEach((v, i) => {
    let run = { idx: [i], ranks: [v] };
    for (let j = 0; j < i; j++) {
      if (values[j]! >= v) continue;
      const cand = { idx: [...best[j]!.idx, i], ranks: [...best[j]!.ranks, v] };
      if (better(cand, run)) run = cand;
    }
    best.push(run);
  });
  let top: { idx: number[]; ranks: number[] } | undefined;
  for (const run of best) if (better(run, top)) top = run;
  return new Set(top?.idx ?? []);
}
