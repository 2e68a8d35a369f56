/** The sections a plan keeps in order, as section-order judges them. */

/**
 * Indexes of one longest strictly increasing subsequence; among those of the same length, the one
 * that keeps the sections nearest the skeleton's start (Purpose and the living sections), so a plan
 * that moves its narrative sections to the front is told about those, not about its living ones.
 */
export function longestIncreasing(values: number[]): Set<number> {
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

/**
 * Whether a section of rank `rank` inserted at `offset` would stand out of order, or put another
 * out of order, among the plan's sections: `placed` are the ranks of the plan's first section of
 * each key and where each starts, in the plan's order. An insertion that would is no fix.
 */
export function insertionBreaksOrder(placed: readonly { rank: number; start: number }[], rank: number, offset: number): boolean {
  const ranks = placed.map((p) => p.rank);
  const at = placed.filter((p) => p.start < offset).length;
  const withNew = [...ranks.slice(0, at), rank, ...ranks.slice(at)];
  const outOf = (values: number[]) => {
    const keep = longestIncreasing(values);
    return new Set(values.filter((_v, i) => !keep.has(i)));
  };
  const before = outOf(ranks);
  for (const r of outOf(withNew)) if (!before.has(r)) return true;
  return false;
}
