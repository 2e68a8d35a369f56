/**
 * Links from a plan's Artifacts and Notes section to its evidence: one dated bullet per transcript
 * or copied file, appended to the list the section ends with (or after its last paragraph), or in
 * a new section at its canonical place when the plan has none, in one locked, atomic update of the plan.
 */
import path from 'node:path';
import { stamp, type EditContext } from '../core/edits/context.js';
import { placeEntry, type PlacedEntry } from '../core/edits/placement.js';
import { lineEndOffset, lineText } from '../core/lines.js';
import { writingStyle } from '../core/timestamps.js';
import type { Plan } from '../core/types.js';
import type { PlanRef } from './plans.js';
import { parseOptions } from './read.js';
import { updatePlan } from './store.js';
import type { Workspace } from './workspace.js';

/** A file to link, and the bullet's text given the link's destination. */
export interface EvidenceItem {
  /** Absolute path of the file. */
  file: string;
  describe: (link: string) => string;
}

/** Append one dated bullet per item (its text without marker or stamp) to the plan's Artifacts and Notes, created when missing; returns the lines written. */
export async function linkEvidence(ws: Workspace, ref: PlanRef, items: readonly EvidenceItem[], now: Date, tzOffsetMinutes: number): Promise<string[]> {
  const bullets = items.map((i) => i.describe(linkFromPlan(ref.path, i.file)));
  const { result } = await updatePlan(
    ref.path,
    (plan) => {
      const ctx: EditContext = { now, style: writingStyle(ws.config.timestamps, plan), offsetMinutes: tzOffsetMinutes, order: ws.config.sections.order, file: ref.relPath };
      const entries = trailingListItems(plan);
      const marker = entries.length ? entries[entries.length - 1]!.marker : '-';
      const lines = bullets.map((b) => `${marker} ${stamp(ctx)} ${b.replace(/(?<!\s)\s*[\r\n]+\s*/g, ' ')}`);
      return { edits: placeEntry(plan, 'artifacts', lines, entries, false, ctx.order).edits, result: lines };
    },
    { parse: parseOptions(ws), display: ref.relPath },
  );
  return result;
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
function linkFromPlan(planFile: string, target: string): string {
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
