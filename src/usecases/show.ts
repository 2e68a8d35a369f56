/** Reading a plan: the whole model as data, or one section of it. */
import { headingMatcher } from '../core/sections.js';
import type { LogEntry, Plan, ProgressItem } from '../core/types.js';
import { ExecplanError } from '../workspace/errors.js';
import type { PlanRef } from '../workspace/plans.js';
import { parseOptions } from '../workspace/read.js';
import type { Workspace } from '../workspace/workspace.js';

/** One section of a plan by key, canonical title or heading as written, with its text from the heading to the next section. */
export function findSection(ws: Workspace, planRef: PlanRef, plan: Plan, name: string) {
  const match = headingMatcher(parseOptions(ws));
  const wanted = name.trim().toLowerCase();
  const key = match(name)?.key ?? wanted;
  const section = plan.sections.find((s) => s.key === key || s.heading.toLowerCase() === wanted);
  if (!section) {
    throw new ExecplanError('INVALID_INPUT', `${planRef.relPath} has no section "${name}". Its sections: ${plan.sections.map((s) => s.heading).join(', ')}.`, { file: planRef.relPath });
  }
  const text = plan.source.slice(section.headingRange.start, section.bodyEnd);
  return { key: section.key, heading: section.heading, line: section.line, endLine: section.endLine, text };
}

/** The model without its raw text and offsets tables: what `show --json` prints. */
export function describe(plan: Plan) {
  const item = (i: ProgressItem) => ({ index: i.index, state: i.state, mark: i.mark, timestamp: i.timestamp?.raw ?? null, text: i.text, line: i.line, depth: i.depth });
  const entry = (e: LogEntry) => ({ text: e.text, fields: Object.fromEntries(e.fields.map((f) => [f.name, f.value])), line: e.line, endLine: e.endLine });
  return {
    title: plan.title ? { text: plan.title.text, line: plan.title.line } : null,
    frontMatter: plan.frontMatter ? { keys: plan.frontMatter.keys, malformed: plan.frontMatter.malformed, line: plan.frontMatter.line, endLine: plan.frontMatter.endLine } : null,
    outerFence: plan.outerFence ? { info: plan.outerFence.info, closed: Boolean(plan.outerFence.close) } : null,
    preamble: plan.preamble ? { line: plan.preamble.line } : null,
    sections: plan.sections.map((s) => ({ key: s.key, heading: s.heading, level: s.level, match: s.match, line: s.line, endLine: s.endLine })),
    progress: plan.progress.map(item),
    goal: plan.goal ? { label: plan.goal.label, text: plan.source.slice(plan.goal.range.start, plan.goal.range.end), line: plan.goal.line, endLine: plan.goal.endLine } : null,
    tasks: plan.tasks.map((i) => ({ ...item(i), under: i.under })),
    standing: plan.standing.map((s) => ({ kind: s.kind, heading: s.heading, level: s.level, line: s.line, endLine: s.endLine })),
    decisions: plan.decisions.map(entry),
    surprises: plan.surprises.map(entry),
    outcomes: plan.outcomes.map(entry),
    milestones: plan.milestones.map((m) => ({ title: m.title, level: m.level, line: m.line, endLine: m.endLine })),
    diagnostics: plan.diagnostics,
  };
}
