/** No skeleton placeholder is left: `…` values, `YYYY-MM-DD HH:MM`, "First concrete step.", guidance alone in a section. */
import { SKELETON_TITLE_PLACEHOLDER as TITLE_PLACEHOLDER } from '../core/skeleton.js';
import type { Plan } from '../core/types.js';
import type { Rule, RuleContext } from './types.js';
import { sectionGuidance, sectionTitle } from './util/sections.js';
import { lineOf, withoutInlineCode, type PlanLine } from './util/text.js';

const HINTS = ['…', '...', 'YYYY', '<Short'];
const ELLIPSIS_FIELD = /^(\s*(?:[-*+]\s+)?(?:\*\*|__)?)([\p{L}][\p{L}\p{N} /&-]{0,60}?)(?:\*\*|__)?\s*:\s*(?:(?:\*\*|__)\s*)?(…|\.\.\.)\s*$/u;
// Only the skeleton's own character: a line of "..." is common in pasted transcripts.
const ELLIPSIS_ALONE = /^\s*(?:[-*+]\s+)?(…)\s*$/;
const DATE_PLACEHOLDER = /\(\s*YYYY-MM-DD(?:[ T]HH:MM(?::SS)?)?Z?\s*\)|(?:^\s*(?:[-*+]\s+)?(?:\[.\]\s+)?|(?:date|date\s*\/\s*author)\s*:\s*)YYYY-MM-DD(?:[ T]HH:MM)?/i;

/** Rule: no-placeholder-text. */
export const rule: Rule = {
  meta: {
    id: 'no-placeholder-text',
    description: "No placeholder from the skeleton is left in the plan: `…` values, `YYYY-MM-DD HH:MM`, \"First concrete step.\", guidance sentences standing alone.",
    severity: 'error',
    recommended: 'error',
    fixable: false,
    requirement: 'How to use ExecPlans: "When creating a spec, start from the skeleton and flesh it out as you do your research."',
  },
  check(ctx) {
    const placeholderLines = new Set<number>();
    for (const n of hintLines(ctx.plan)) {
      const l = ctx.lines[n - 1]!;
      if (!isText(ctx, l)) continue;
      const text = withoutInlineCode(l.text);
      // Both end in an ellipsis; the field pattern, with its Unicode letter classes, takes longer
      // to compile than most plans take to check, so it runs only on lines that could match it.
      const end = text.trimEnd();
      const ellipsis = end.endsWith('…') || end.endsWith('...');
      const field = ellipsis ? ELLIPSIS_FIELD.exec(text) : null;
      const alone = ellipsis ? ELLIPSIS_ALONE.exec(text) : null;
      if (field) {
        placeholderLines.add(l.line);
        ctx.report({ message: `"${field[2]}:" holds only the placeholder "${field[3]}"; expected the entry's real content.`, line: l.line, column: field[1]!.length + 1 });
      } else if (alone) {
        placeholderLines.add(l.line);
        ctx.report({ message: `The line holds only the placeholder "${alone[1]}"; expected real content.`, line: l.line, column: text.indexOf(alone[1]!) + 1 });
      }
      const date = text.toUpperCase().includes('YYYY-MM-DD') ? DATE_PLACEHOLDER.exec(text) : null;
      if (date) {
        placeholderLines.add(l.line);
        ctx.report({ message: 'The timestamp placeholder "YYYY-MM-DD" is left in the text; expected a real date and time.', line: l.line, column: date.index + date[0].search(/\(\s*YYYY|YYYY/i) + 1 });
      }
      const t = text.indexOf(TITLE_PLACEHOLDER);
      if (t !== -1) {
        placeholderLines.add(l.line);
        ctx.report({ message: `The skeleton's placeholder "${TITLE_PLACEHOLDER}" is left in the text; expected the plan's own words.`, line: l.line, column: t + 1 });
      }
    }
    for (const item of ctx.plan.progress) {
      if (/^(?:\(YYYY-MM-DD[^)]*\)\s*)?first concrete step\.?$/i.test(item.text.trim())) {
        placeholderLines.add(item.line);
        ctx.report({ message: 'The Progress item "First concrete step." is the skeleton\'s example; expected the plan\'s own steps.', line: item.line, column: item.indent.length + 1 });
      }
    }
    reportGuidanceOnly(ctx, placeholderLines);
  },
};

/** Prose lines count, except the title. */
function isText(ctx: RuleContext, l: PlanLine): boolean {
  return l.kind === 'prose' && l.line !== ctx.plan.title?.line;
}

/** A section whose only words are the skeleton's guidance (plus placeholders) was never written. */
function reportGuidanceOnly(ctx: RuleContext, placeholderLines: Set<number>): void {
  const { lines } = ctx;
  for (const s of ctx.plan.sections) {
    if (!s.key) continue;
    const guidance = sectionGuidance(s.key, ctx.sections);
    if (!guidance) continue;
    let said: string | undefined;
    let guidanceLine: number | undefined;
    let other = false;
    // Any other content settles it: the section was written.
    for (let n = s.line + 1; n <= s.endLine && !other; n++) {
      const l = lines[n - 1];
      if (!l || !isText(ctx, l)) {
        // Code lines and front matter are content of their own.
        if (l?.block) other = true;
        continue;
      }
      const text = l.text.trim();
      if (!text || placeholderLines.has(n)) continue;
      if (guidanceLine === undefined && Math.abs(text.length - guidance.length) < 8 && normalizeSentence(text) === (said ??= normalizeSentence(guidance))) guidanceLine = n;
      else other = true;
    }
    if (guidanceLine !== undefined && !other) {
      ctx.report({
        message: `Section "${sectionTitle(s.key, ctx.sections)}" holds only the skeleton's guidance; expected the plan's own content in place of it.`,
        line: guidanceLine,
        column: 1,
      });
    }
  }
}

/**
 * The lines (1-based, in order) holding one of the strings every placeholder above contains, found
 * by searching the whole text: most plans hold none, and few lines of the others do.
 */
function hintLines(plan: Plan): number[] {
  const found = new Set<number>();
  for (const hint of HINTS) {
    for (let i = plan.source.indexOf(hint); i !== -1; i = plan.source.indexOf(hint, i + 1)) found.add(lineOf(plan, i));
  }
  return [...found].sort((a, b) => a - b);
}

/** A sentence as compared with the guidance: straight quotes, single spaces, lower case. */
function normalizeSentence(s: string): string {
  return s.replace(/[“”"]/g, '"').replace(/[‘’']/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
}
