/** Progress is a checkbox list: at least one `- [ ]`/`- [x]` item, and no plain bullets beside them. */
import type { Rule } from './types.js';
import { findSection } from './util/sections.js';
import { linesBetween } from './util/text.js';

const LIST_ITEM = /^([ \t]*)([-*+]|\d{1,9}[.)])[ \t]+(.*)$/;
const CHECKBOX = /^\[[ xX~\-/]\](?:[ \t]|$)/;

/** Rule: progress-checklist. */
export const rule: Rule = {
  meta: {
    id: 'progress-checklist',
    description: 'The Progress section is a checkbox list.',
    severity: 'error',
    recommended: 'error',
    fixable: false,
    requirement: 'ExecPlan skeleton, Progress: "Use checkboxes + timestamps."',
  },
  check(ctx) {
    const { plan } = ctx;
    const section = findSection(plan, 'progress');
    if (!section) return;
    if (!plan.progress.length) {
      ctx.report({ message: 'The Progress section has no checkbox items; expected a list like "- [x] (2026-01-05 14:30) Did the first step.".', line: section.line, column: 1 });
      return;
    }
    const topIndent = Math.min(...plan.progress.filter((p) => p.depth === 0).map((p) => p.indent.length));
    const lines = linesBetween(ctx.lines, section.line + 1, section.endLine).filter((l) => l.kind === 'prose');
    for (const l of lines) {
      const m = LIST_ITEM.exec(l.text);
      if (!m || m[1]!.length > topIndent || CHECKBOX.test(m[3]!)) continue;
      // A bullet inside a checkbox item's own lines is a note on that item, not a Progress entry.
      if (plan.progress.some((p) => l.line > p.line && l.line <= p.endLine)) continue;
      ctx.report({
        message: `The Progress entry "${clip(m[3]!)}" has no checkbox; expected "${m[2]} [ ] ..." or "${m[2]} [x] ...".`,
        line: l.line,
        column: m[1]!.length + 1,
      });
    }
  },
};

function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
