/** The four living sections the specification asks every plan to keep up to date are present. */
import { LIVING_SECTIONS } from '../core/sections.js';
import type { Rule } from './types.js';
import { reportMissingSections } from './util/missing.js';

/** Rule: living-sections. */
export const rule: Rule = {
  meta: {
    id: 'living-sections',
    description: 'The living sections (Progress, Surprises & Discoveries, Decision Log, Outcomes & Retrospective) are present.',
    severity: 'error',
    recommended: 'error',
    fixable: true,
    requirement: 'Non-negotiable 2, "Be a living document": keep these sections updated as you go: Progress, Surprises & Discoveries, Decision Log, Outcomes & Retrospective.',
  },
  check(ctx) {
    const required = ctx.sections.required.filter((k) => (LIVING_SECTIONS as readonly string[]).includes(k));
    reportMissingSections(ctx, required, 'living');
  },
};
