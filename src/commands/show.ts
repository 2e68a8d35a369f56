/** `execplan show <plan>`: the parsed plan, or one section of it. */
import type { OptionsOf } from '../command-table.js';
import { visibleControls } from '../core/redact.js';
import { isPlaceholderEntry, isPlaceholderItem } from '../core/edits/placeholders.js';
import { summarizePlan } from '../core/summary.js';
import type { LogEntry, Plan, ProgressItem } from '../core/types.js';
import { openPlan } from '../usecases/open.js';
import { describe, findSection } from '../usecases/show.js';
import { readPlan } from '../workspace/read.js';
import { writeJson, type Io } from './io.js';

/** Control characters a terminal shows as layout, kept as they are. */
const KEEP = '\n\r\t';

/** Run `execplan show`. */
export async function run(io: Io, opts: OptionsOf<'show'>, ref: string): Promise<number> {
  const { ws, ref: planRef } = openPlan(io.cwd, ref);
  const { plan } = readPlan(ws, planRef);
  if (opts.section !== undefined) {
    const section = findSection(ws, planRef, plan, opts.section);
    if (opts.json) writeJson(io, { id: planRef.id, path: planRef.relPath, section });
    else io.stdout(visibleControls(section.text.endsWith('\n') ? section.text : `${section.text}\n`, KEEP));
    return 0;
  }
  const model = describe(plan);
  if (opts.json) writeJson(io, { id: planRef.id, path: planRef.relPath, archived: planRef.archived, summary: summarizePlan(plan, planRef.archived), ...model });
  // A plan's text never drives the terminal: escape sequences in it are shown, not obeyed.
  else io.stdout(visibleControls(renderText(planRef.id, planRef.relPath, plan, planRef.archived), KEEP));
  return 0;
}

function renderText(id: string, rel: string, plan: Plan, archived: boolean): string {
  const s = summarizePlan(plan, archived);
  const out: string[] = [];
  out.push(plan.title?.text ?? '(no title)');
  out.push(`  id: ${id}`, `  path: ${rel}`, `  state: ${s.state}, progress ${s.done}/${s.total}${s.lastActivity ? `, last activity ${s.lastActivity}` : ''}`);
  if (plan.frontMatter) {
    out.push('', `Front matter (lines ${plan.frontMatter.line}-${plan.frontMatter.endLine})${plan.frontMatter.malformed ? ' — malformed' : ''}:`);
    for (const [k, v] of Object.entries(plan.frontMatter.keys)) out.push(`  ${k}: ${v}`);
  }
  out.push('', `Sections (${plan.sections.length}):`);
  for (const sec of plan.sections) {
    const tag = sec.key ? (sec.match === 'exact' ? sec.key : `${sec.key}, ${sec.match}`) : 'extra';
    out.push(`  ${String(sec.line).padStart(4)}  ${'#'.repeat(sec.level)} ${sec.heading}  [${tag}]`);
  }
  out.push('', `Progress (${s.done}/${s.total} done):`);
  if (!plan.progress.length) out.push('  (no checkbox items)');
  for (const i of plan.progress) out.push(progressLine(i) + (isPlaceholderItem(i) ? PLACEHOLDER : ''));
  logBlock(out, 'Decisions', plan.decisions);
  logBlock(out, 'Surprises & Discoveries', plan.surprises);
  logBlock(out, 'Outcomes', plan.outcomes);
  if (plan.milestones.length) {
    out.push('', `Milestones (${plan.milestones.length}):`);
    for (const m of plan.milestones) out.push(`  ${String(m.line).padStart(4)}  ${m.title}`);
  }
  if (plan.diagnostics.length) {
    out.push('', 'Notes from the parser:');
    for (const d of plan.diagnostics) out.push(`  ${String(d.line).padStart(4)}  ${d.message}`);
  }
  return `${out.join('\n')}\n`;
}

/** The mark of a skeleton line still waiting for the plan's own content (`- Decision: …`, `None yet.`). */
const PLACEHOLDER = '  (placeholder)';

function progressLine(i: ProgressItem): string {
  const box = i.state === 'done' ? '[x]' : i.state === 'partial' ? '[~]' : '[ ]';
  return `  ${String(i.index).padStart(3)}. ${'  '.repeat(i.depth)}${box} ${i.timestamp ? `${i.timestamp.raw} ` : ''}${i.text}`;
}

function logBlock(out: string[], name: string, entries: LogEntry[]): void {
  out.push('', `${name} (${entries.length}):`);
  for (const e of entries) {
    const first = e.fields[0];
    const text = first ? `${first.label}: ${first.value}` : e.text;
    out.push(`  ${String(e.line).padStart(4)}  ${text.length > 110 ? `${text.slice(0, 109)}…` : text}${isPlaceholderEntry(e) ? PLACEHOLDER : ''}`);
  }
}
