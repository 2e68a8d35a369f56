/** Checkbox tasks outside the Progress section: under task headings, in milestones, before the first section. */
import type { Section, Task } from '../types.js';
import type { Blocks } from './blocks.js';
import type { Doc } from './doc.js';
import { readCheckboxes } from './entries.js';

/** The checkbox items that stand outside the Progress section, each with the heading it stands under. */
export function readTasks(doc: Doc, blocks: Blocks, progress: Section | undefined, titleLine: number | undefined): Task[] {
  const outside = blocks.items.filter((it) => !progress || it.first < progress.line - 1 || doc.offsetOf(it.first) >= progress.bodyEnd);
  const items = readCheckboxes(doc, outside.map((item) => ({ item, depth: item.depth, list: 'own' as const })));
  // Items and headings are both in document order: one walk pairs each item with the heading above it.
  const headings = blocks.headings.filter((h) => h.first + 1 !== titleLine);
  let k = -1;
  return items.map((i) => {
    while (k + 1 < headings.length && headings[k + 1]!.first < i.line - 1) k++;
    const h = k === -1 ? undefined : headings[k]!;
    return { ...i, under: h ? { heading: h.text, line: h.first + 1 } : null };
  });
}
