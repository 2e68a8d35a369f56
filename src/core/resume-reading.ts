/**
 * What the resume brief reads from the plan's own words: its purpose (the Purpose section, an
 * objective section, a goal line or its opening paragraphs) and its status and next-step sections.
 */
import { excerpt } from './resume-excerpt.js';
import type { ResumeBrief } from './resume.js';
import { sectionSpec } from './sections.js';
import type { Plan } from './types.js';

/** The plan's status and next-step sections, each cut at an item's end within `max` characters. */
export function standingOf(plan: Plan, max: number): ResumeBrief['standing'] {
  const out: ResumeBrief['standing'] = [];
  for (const st of plan.standing) {
    const text = excerpt(plan.source.slice(st.bodyStart, st.bodyEnd), max, { keep: st.kind === 'status' ? 'ends' : 'head' });
    if (text) out.push({ kind: st.kind, heading: st.heading.trim(), line: st.line, text });
  }
  return out;
}

/**
 * The purpose: the first paragraphs of the Purpose section (or the objective section read as it),
 * without the skeleton's guidance sentence; else the plan's goal line with what it holds.
 */
export function purposeOf(plan: Plan, max: number): Pick<ResumeBrief, 'purpose' | 'purposeFrom'> {
  const section = plan.sections.find((s) => s.key === 'purpose');
  if (section) {
    const text = excerpt(plan.source.slice(section.bodyStart, section.bodyEnd), max, { skip: sectionSpec('purpose')?.guidance, enough: max / 2 });
    if (text) return { purpose: text, purposeFrom: { kind: 'section', heading: section.heading.trim(), line: section.line } };
  }
  const goal = plan.goal;
  if (goal) {
    const text = excerpt(plan.source.slice(goal.range.start, goal.range.end), max, { enough: max / 2 });
    if (text) return { purpose: text, purposeFrom: { kind: 'goal-line', heading: goal.label, line: goal.line } };
  }
  const intro = introText(plan);
  const text = intro && excerpt(intro, max, { enough: max / 2 });
  if (text) return { purpose: text, purposeFrom: { kind: 'intro', heading: '', line: plan.title ? plan.title.line + 1 : 1 } };
  return { purpose: '', purposeFrom: null };
}

// The lines that say a plan is a living document kept by PLANS.md, and `Status: …`-style metadata lines.
const BOILERPLATE = /living[\s-]+document|in accordance with/i;
// Lists in the opening lines are tasks or notes more often than a statement of purpose: paragraphs only.
const LIST_LINE = /^(?:[ \t]+\S|[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$))/;
const METADATA = /^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?[\p{L}][\p{L}\p{N} /_-]{0,30}(?:\*\*|__)?[ \t]*[:：]/u;

/** The paragraphs between the plan's title and its first section, its boilerplate and metadata lines left out. */
function introText(plan: Plan): string {
  const start = plan.title ? plan.title.range.end : plan.frontMatter ? plan.frontMatter.range.end : 0;
  if (start >= plan.introEnd) return '';
  return plan.source
    .slice(start, plan.introEnd)
    .split(/\r?\n[ \t]*\r?\n/)
    .filter((p) => !BOILERPLATE.test(p))
    .map((p) => p.split(/\r?\n/).filter((l) => !(METADATA.test(l) && l.length < 120) && !LIST_LINE.test(l) && !/^[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*$/.test(l)).join('\n'))
    .join('\n\n');
}
