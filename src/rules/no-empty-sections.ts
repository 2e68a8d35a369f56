/** Every section says something: no heading followed by nothing. */
import type { Rule } from './types.js';
import { sectionBody, sectionTitle } from './util/sections.js';

/** Rule: no-empty-sections. */
export const rule: Rule = {
  meta: {
    id: 'no-empty-sections',
    description: 'No section is empty (Outcomes & Retrospective may wait for the work to finish).',
    severity: 'error',
    recommended: 'warn',
    fixable: false,
    requirement: 'Non-negotiable 1, "Be fully self-contained"; "When creating a spec, start from the skeleton and flesh it out as you do your research."',
    options: { allowEmpty: ['outcomes'] },
  },
  check(ctx) {
    const allow = Array.isArray(ctx.options.allowEmpty) ? (ctx.options.allowEmpty as unknown[]) : [];
    const sections = ctx.plan.sections;
    sections.forEach((s, i) => {
      if (s.key && allow.includes(s.key)) return;
      // A heading whose content is the deeper sections under it is a group, not an empty section.
      if ((sections[i + 1]?.level ?? 0) > s.level) return;
      const body = sectionBody(ctx.plan, s).replace(/<!--[\s\S]*?-->/g, '');
      if (body.trim()) return;
      const name = s.key ? sectionTitle(s.key, ctx.sections) : s.heading;
      ctx.report({ message: `Section "${name}" is empty; expected the plan's own content under it.`, line: s.line, column: 1 });
    });
  },
};
