/** The skeleton's other sections (and the team's custom ones) that the configuration requires are present. */
import { LIVING_SECTIONS } from '../core/sections.js';
import type { Rule } from './types.js';
import { reportMissingSections } from './util/missing.js';

/** Rule: required-sections. */
export const rule: Rule = {
  meta: {
    id: 'required-sections',
    description: 'Every section the configuration requires is present (the living sections are checked by `living-sections`).',
    severity: 'error',
    recommended: 'warn',
    fixable: true,
    requirement: 'ExecPlan skeleton (copy into a new file): Purpose / Big Picture, Context and Orientation, Plan of Work, Concrete Steps, Validation and Acceptance, Idempotence and Recovery, Artifacts and Notes, Interfaces and Dependencies.',
  },
  check(ctx) {
    const required = ctx.sections.required.filter((k) => !(LIVING_SECTIONS as readonly string[]).includes(k));
    reportMissingSections(ctx, required, 'required');
  },
};
