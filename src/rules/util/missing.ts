/** Reporting missing sections, each with a fix that inserts the empty section where it belongs. */
import type { Edit } from '../../core/apply-edits.js';
import type { RuleContext } from '../types.js';
import { insertionBreaksOrder } from './order.js';
import { insertBlock, insertLevel, missingSectionPlace, SECTION_LEVEL, sectionsRaiseToH2, sectionTitle } from './sections.js';
import { lineOf } from './text.js';

/** Report each of `keys` the plan lacks, in the configured order, with an insertion fix. */
export function reportMissingSections(ctx: RuleContext, keys: readonly string[], kind: string): void {
  const { plan, sections } = ctx;
  const present = new Set(plan.sections.map((s) => s.key).filter((k): k is string => k !== null));
  const rank = (k: string) => {
    const r = sections.order.indexOf(k);
    return r === -1 ? Number.MAX_SAFE_INTEGER : r;
  };
  const missing = keys.filter((k) => !present.has(k)).sort((a, b) => rank(a) - rank(b));
  const lastAt = new Map<number, string>();
  // Sections above H2 that heading-style raises to H2 get the missing ones at H2 beside them.
  const written = insertLevel(plan);
  const level = written < SECTION_LEVEL && sectionsRaiseToH2(plan, ctx.lines) ? SECTION_LEVEL : written;
  // A file that repeats a section (several plans archived in one, say) has no one place for a
  // missing one: it is reported without a fix.
  const keyed = plan.sections.filter((s) => s.key !== null);
  const ambiguous = new Set(keyed.map((s) => s.key)).size < keyed.length;
  // The plan's sections as section-order judges them: the first of each key, with its rank.
  const seen = new Set<string>();
  const placed: { rank: number; start: number }[] = [];
  for (const s of plan.sections) {
    if (!s.key || seen.has(s.key)) continue;
    seen.add(s.key);
    if (rank(s.key) !== Number.MAX_SAFE_INTEGER) placed.push({ rank: rank(s.key), start: s.headingRange.start });
  }
  // A section inserted empty must draw no finding but its own "is empty": a heading at another level
  // than H2 draws heading-style's, an empty Progress progress-checklist's ("no checkbox items"), and
  // an empty Outcomes in a plan whose every Progress item is done outcomes-when-done's. Those
  // insertions are not offered: the author writes the section.
  const allDone = plan.progress.length > 0 && plan.progress.every((p) => p.state === 'done');
  const drawsFinding = (key: string) => level !== SECTION_LEVEL || key === 'progress' || (key === 'outcomes' && allDone);
  for (const key of missing) {
    const title = sectionTitle(key, sections);
    let place = missingSectionPlace(plan, key, sections, level);
    // A plan whose own order differs from the configured one has no place for the section that keeps both.
    if (place && rank(key) !== Number.MAX_SAFE_INTEGER && insertionBreaksOrder(placed, rank(key), place.offset)) place = undefined;
    const heading = `${'#'.repeat(level)} ${title}`;
    let fix: Edit[] | undefined;
    // Where no place is certain (inside a code block, or nothing in the plan says where), no fix is offered.
    if (place && !ambiguous && !drawsFinding(key)) {
      // Sections missing at one place are inserted one after the other, in order.
      const edit = insertBlock(plan, place.offset, heading + place.trailer, lastAt.get(place.offset));
      lastAt.set(place.offset, edit.text);
      fix = [edit];
    }
    ctx.report({
      message: `The ${kind} section "${title}" is missing; expected a "${heading}" section.`,
      line: Math.min(lineOf(plan, place?.offset ?? plan.contentEnd), plan.lineStarts.length),
      ...(fix ? { fix } : {}),
    });
  }
}
