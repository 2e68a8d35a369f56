/** Milestone headings (`### Milestone 1: …`, `### Phase 2`, `### M3 — …`, any heading under `## Milestones`). */
import { lineIndexAt } from '../lines.js';
import { normalizeHeading, type HeadingResult } from '../sections.js';
import type { Milestone, Section } from '../types.js';
import type { HeadingBlock } from './blocks.js';
import type { Doc } from './doc.js';
import { MILESTONE } from './outline.js';

/** The milestones of a plan; each runs to the next heading of its level or higher, and ends with its section. */
export function readMilestones(
  doc: Doc,
  headings: HeadingBlock[],
  matched: (HeadingResult | null)[],
  titleIdx: number,
  sectionHeads: number[],
  sectionAtLine: (line0: number) => Section | undefined,
  contentEnd: number,
): Milestone[] {
  const milestones: Milestone[] = [];
  const heads = new Set(sectionHeads);
  // A section heading is the parent of every heading under it: normalise each text once.
  const normalized = new Map<string, string>();
  const normal = (text: string) => {
    let n = normalized.get(text);
    if (n === undefined) normalized.set(text, (n = normalizeHeading(text)));
    return n;
  };
  headings.forEach((h, i) => {
    if (i === titleIdx || matched[i]) return;
    const parent = heads.has(i) ? undefined : sectionAtLine(h.first);
    const underMilestones = parent && parent.key === null && /^milestones?$/.test(normal(parent.heading));
    if (!MILESTONE.test(normal(h.text)) && !underMilestones) return;
    const endIdx = headings.findIndex((o, j) => j > i && o.level <= h.level);
    let bodyEnd = endIdx === -1 ? contentEnd : doc.offsetOf(headings[endIdx]!.first);
    if (parent && parent.bodyEnd < bodyEnd) bodyEnd = parent.bodyEnd;
    milestones.push({
      title: h.text,
      level: h.level,
      line: h.first + 1,
      headingRange: { start: doc.offsetOf(h.first), end: doc.endOf(h.last) },
      bodyEnd,
      endLine: lineIndexAt(doc.lineStarts, Math.max(bodyEnd - 1, doc.offsetOf(h.first))) + 1,
    });
  });
  return milestones;
}
