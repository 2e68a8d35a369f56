/** Once every Progress item is done, Outcomes & Retrospective says what shipped and what was learned. */
import { isBracketNote, opensWithEmptyNoteIntl } from '../core/empty-notes.js';
import type { Rule } from './types.js';
import { findSection, sectionBody, sectionGuidance } from './util/sections.js';

// A line that starts by saying the section waits, in emphasis or not: `Pending`, `_Pending_`, `TBD: …`, `Fill in after implementation`.
const PENDING = /^[_*]*(?:tbd|todo|pending|none(?: yet)?|n\/a|to be (?:filled|written|completed|added|determined)|(?:to )?fill(?:ed)? (?:in|out)|not (?:yet )?(?:started|complete|completed|done)|in progress|wip|coming soon)(?![A-Za-z0-9])/i;

/** Rule: outcomes-when-done. */
export const rule: Rule = {
  meta: {
    id: 'outcomes-when-done',
    description: 'When every Progress item is done, Outcomes & Retrospective is filled in.',
    severity: 'error',
    recommended: 'warn',
    fixable: false,
    requirement: 'Outcomes & Retrospective: "At completion (or major milestones), summarize what shipped, what didn’t, and lessons learned."',
  },
  check(ctx) {
    const { plan } = ctx;
    const items = plan.progress;
    if (!items.length || items.some((i) => i.state !== 'done')) return;
    const section = findSection(plan, 'outcomes');
    const last = items[items.length - 1]!;
    if (!section) {
      // A required section that is missing is reported by living-sections; say it here only when it is optional.
      if (!ctx.sections.required.includes('outcomes')) {
        ctx.report({ message: `Every Progress item is done but the plan has no "Outcomes & Retrospective" section; expected a summary of what shipped.`, line: last.line, column: 1 });
      }
      return;
    }
    const guidance = sectionGuidance('outcomes', ctx.sections) ?? '';
    const text = sectionBody(plan, section)
      .replace(/<!--[\s\S]*?-->/g, '')
      .split(/\r?\n|\r/)
      .map((l) => l.replace(/^\s*(?:[-*+]\s+)?/, '').trim())
      .filter((l) => l && l !== guidance && !PENDING.test(l) && !opensWithEmptyNoteIntl(l) && !isBracketNote(l) && !/^(?:…|\.\.\.)$/.test(l))
      .join(' ');
    if (!text) {
      ctx.report({ message: `Every Progress item is done but "Outcomes & Retrospective" is not filled in; expected what shipped, what didn't, and lessons learned.`, line: section.line, column: 1 });
    }
  },
};
