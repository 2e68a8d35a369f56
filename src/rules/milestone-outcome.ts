/** Each milestone ends with an outcome someone can verify. */
import { normalizeHeading } from '../core/sections.js';
import type { Milestone } from '../core/types.js';
import type { Rule } from './types.js';
import { showsCommand } from './util/commands.js';
import { listsCriteria, statesResult } from './util/evidence.js';
import { sectionAtLine } from './util/sections.js';
import { linesBetween } from './util/text.js';

const VERIFIABLE =
  /\b(?:accept(?:ance|ed)?|verif(?:y|ies|ied|ication)|validat(?:e|es|ed|ion)|expect(?:s|ed|ation)?|tests?|pass(?:es|ed|ing)?|proves?|proof|observable|outcome|done when|definition of done|success criteria|exit criteria|demonstrat(?:e|es|ed)|confirm(?:s|ed)?|check(?:s|ed)?)\b|验收|验证|预期|aceptaci[oó]n|verificaci[oó]n/i;
// Sections whose sub-headings track work done rather than define milestones.
const LOG_SECTIONS = new Set(['progress', 'surprises', 'decisions', 'outcomes']);

/** Rule: milestone-outcome. */
export const rule: Rule = {
  meta: {
    id: 'milestone-outcome',
    description: 'Each milestone says how to verify it: acceptance words, an expected result, a list of criteria or a command.',
    severity: 'warn',
    recommended: 'warn',
    fixable: false,
    requirement: 'Style guidance: "Prefer milestones for big work: each milestone ends with a verifiable outcome."',
  },
  check(ctx) {
    const { plan } = ctx;
    const { lines } = ctx;
    const isContainer = (m: Milestone) => plan.milestones.some((o) => o !== m && o.line > m.line && o.line <= m.endLine);
    for (const m of plan.milestones) {
      if (/^(?:milestones|phases|stages)$/.test(normalizeHeading(m.title)) || isContainer(m)) continue;
      const section = sectionAtLine(plan, m.line);
      if (section?.key && LOG_SECTIONS.has(section.key)) continue;
      const body = linesBetween(lines, m.line + 1, m.endLine);
      // Acceptance words, a stated result or a labelled list of criteria, in any language, or a command.
      if (showsCommand(body) || listsCriteria(body) || body.some((l) => l.kind === 'prose' && (VERIFIABLE.test(l.text) || statesResult(l.text)))) continue;
      ctx.report({ message: `Milestone "${m.title}" does not say how to verify it; expected an acceptance check, an expected result or a command.`, line: m.line, column: 1 });
    }
  },
};
