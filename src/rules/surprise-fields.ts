/** Every Surprises & Discoveries entry states the observation and the evidence for it. */
import type { Rule } from './types.js';
import { OPENING_FIELD } from '../core/log-entries.js';
import { checkLog } from './util/entries.js';
import { findSection } from './util/sections.js';

/** Rule: surprise-fields. */
export const rule: Rule = {
  meta: {
    id: 'surprise-fields',
    description: 'Each Surprises & Discoveries entry has `Observation:` and `Evidence:` fields.',
    severity: 'error',
    recommended: 'warn',
    fixable: false,
    requirement: 'ExecPlan skeleton, Surprises & Discoveries: "- Observation: … Evidence: …"',
  },
  check(ctx) {
    checkLog(
      ctx,
      findSection(ctx.plan, 'surprises'),
      ctx.plan.surprises,
      OPENING_FIELD.surprises,
      (f) => ['observation', 'evidence'].filter((k) => !f.has(k)).map((k) => (k === 'observation' ? 'Observation' : 'Evidence')),
      { name: 'Surprises & Discoveries', expected: '"Observation:" and "Evidence:" fields' },
    );
  },
};
