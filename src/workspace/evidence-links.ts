/**
 * Links from a plan's Artifacts and Notes section to its evidence: one dated bullet per transcript
 * or copied file, appended to the list the section ends with (or after its last paragraph), or in
 * a new section at its canonical place when the plan has none. Pure: text in, edits out.
 */
import path from 'node:path';
import type { Edit } from '../core/apply-edits.js';
import { stamp, type EditContext } from '../core/edits/context.js';
import { placeEntry, type PlacedEntry } from '../core/edits/placement.js';
import { lineEndOffset, lineText } from '../core/lines.js';
import type { Plan } from '../core/types.js';

/** The edits that add `bullets` (texts without marker or stamp) to Artifacts and Notes, each dated. */
export function addEvidenceLines(plan: Plan, bullets: readonly string[], ctx: EditContext): { edits: Edit[]; lines: string[]; createdSection: boolean } {
  const entries = trailingListItems(plan);
  const marker = entries.length ? entries[entries.length - 1]!.marker : '-';
  const lines = bullets.map((b) => `${marker} ${stamp(ctx)} ${b.replace(/(?<!\s)\s*[\r\n]+\s*/g, ' ')}`);
  const placed = placeEntry(plan, 'artifacts', lines, entries, false, ctx.order);
  return { edits: placed.edits, lines, createdSection: placed.createdSection };
}

/**
 * The top-level bullet items the Artifacts and Notes section ends with, without a blank line between
 * them: new lines join that list; anything else (prose, code, a loose list) gets a list of its own.
 */
function trailingListItems(plan: Plan): (PlacedEntry & { marker: string })[] {
  const section = plan.sections.find((s) => s.key === 'artifacts');
  if (!section) return [];
  const first = section.line; // 0-based index of the first body line
  let i = first;
  while (i + 1 < plan.lineStarts.length && plan.lineStarts[i + 1]! < section.bodyEnd) i++;
  while (i >= first && !lineText(plan.source, plan.lineStarts, i).trim()) i--;
  const inCode = (n: number) => plan.codeBlocks.some((c) => n + 1 >= c.line && n + 1 <= c.endLine);
  const items: (PlacedEntry & { marker: string })[] = [];
  let end = i;
  for (; i >= first; i--) {
    const text = lineText(plan.source, plan.lineStarts, i);
    if (!text.trim() || inCode(i)) break;
    const m = /^([-*+])[ \t]+\S/.exec(text);
    if (m) {
      items.unshift({ range: { start: plan.lineStarts[i]!, end: lineEndOffset(plan.source, plan.lineStarts, end) }, line: i + 1, indent: '', top: true, placeholder: false, marker: m[1]! });
      end = i - 1;
    } else if (!/^[ \t]/.test(text)) break;
  }
  // Continuation lines above the first bullet belong to something else: only whole items count.
  return items;
}

/** A Markdown link destination from the plan file to `target`, both absolute: relative, `/`, escaped. */
export function linkFromPlan(planFile: string, target: string): string {
  const rel = path.relative(path.dirname(planFile), target).split(path.sep).join('/');
  return rel
    .split('/')
    .map((seg) => (seg === '..' || seg === '.' ? seg : encodeURIComponent(seg).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)))
    .join('/');
}

/** Text safe inside a link's square brackets. */
export function linkLabel(text: string): string {
  return text.replace(/[\\[\]`*_<>]/g, (c) => `\\${c}`);
}

/** A one-line inline code span of `text`: backticks inside are fenced by a longer run. */
export function inlineCode(text: string, max = 120): string {
  let t = text.replace(/(?<!\s)\s*[\r\n]+\s*/g, ' ');
  if ([...t].length > max) t = `${[...t].slice(0, max - 1).join('')}…`;
  const longest = Math.max(0, ...(t.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = t.startsWith('`') || t.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${t}${pad}${fence}`;
}
