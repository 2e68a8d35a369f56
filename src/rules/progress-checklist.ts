/** Progress is a checkbox list: at least one `- [ ]`/`- [x]` item, and no plain bullets beside them. */
import type { Rule } from './types.js';
import { findSection } from './util/sections.js';
import { linesBetween } from './util/text.js';

const LIST_ITEM = /^([ \t]*)([-*+]|\d{1,9}[.)])[ \t]+(?![ \t])(.*)$/;
const CHECKBOX = /^\[[ xX~\-/]\](?:[ \t]|$)/;
// A checkbox written without its list marker: `[x] Did it.` at the start of a line.
const BARE_CHECKBOX = /^( {0,3})\[[ xX~\-/]\](?:[ \t]|$)/;

/** Rule: progress-checklist. */
export const rule: Rule = {
  meta: {
    id: 'progress-checklist',
    description: 'The Progress section is a checkbox list.',
    severity: 'error',
    recommended: 'error',
    fixable: true,
    requirement: 'ExecPlan skeleton, Progress: "Use checkboxes + timestamps."',
  },
  check(ctx) {
    const { plan } = ctx;
    const section = findSection(plan, 'progress');
    if (!section) return;
    const lines = linesBetween(ctx.lines, section.line + 1, section.endLine).filter((l) => l.kind === 'prose');
    // Inside an item's own lines a line is part of that item's text, whatever it starts with.
    const inItem = (line: number) => plan.progress.some((p) => line > p.line && line <= p.endLine);
    const marker = plan.progress.find((p) => p.depth === 0)?.marker ?? '-';
    let bare = 0;
    for (const l of lines) {
      const m = BARE_CHECKBOX.exec(l.text);
      if (!m || inItem(l.line)) continue;
      bare++;
      const at = l.start + m[1]!.length;
      // The marker is offered for a slip in a checkbox list: a Progress of bare lines only becomes a
      // list whose items every other rule then judges (their stamps, whether all are done), which
      // is the author's to write.
      ctx.report({
        message: `The Progress entry "${clip(l.text.slice(m[1]!.length))}" has no list marker; expected "${marker} ${clip(l.text.slice(m[1]!.length))}".`,
        line: l.line,
        column: m[1]!.length + 1,
        ...(plan.progress.length ? { fix: [{ start: at, end: at, text: `${marker} ` }] } : {}),
      });
    }
    if (!plan.progress.length) {
      if (!bare) ctx.report({ message: 'The Progress section has no checkbox items; expected a list like "- [x] (2026-01-05 14:30) Did the first step.".', line: section.line, column: 1 });
      return;
    }
    const topIndent = plan.progress.reduce((min, p) => (p.depth === 0 ? Math.min(min, p.indent.length) : min), Infinity);
    for (const l of lines) {
      const m = LIST_ITEM.exec(l.text);
      if (!m || m[1]!.length > topIndent || CHECKBOX.test(m[3]!)) continue;
      // A bullet inside a checkbox item's own lines is a note on that item, not a Progress entry.
      if (inItem(l.line)) continue;
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
