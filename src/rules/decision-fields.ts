/** Every Decision Log entry records the decision, why, and when and by whom. */
import type { Rule } from './types.js';
import { OPENING_FIELD } from '../core/log-entries.js';
import { checkLog } from './util/entries.js';
import { findSection } from './util/sections.js';

/** Rule: decision-fields. */
export const rule: Rule = {
  meta: {
    id: 'decision-fields',
    description: 'Each Decision Log entry has `Decision:`, `Rationale:` and `Date/Author:` fields.',
    severity: 'error',
    recommended: 'warn',
    fixable: false,
    requirement: 'ExecPlan skeleton, Decision Log: "Record every decision: - Decision: … Rationale: … Date/Author: …"',
  },
  check(ctx) {
    checkLog(
      ctx,
      findSection(ctx.plan, 'decisions'),
      ctx.plan.decisions,
      OPENING_FIELD.decisions,
      (f) => {
        const lacks: string[] = [];
        if (!f.has('decision')) lacks.push('Decision');
        if (!f.has('rationale')) lacks.push('Rationale');
        if (!f.has('date-author') && !(f.has('date') && f.has('author'))) lacks.push(f.has('date') ? 'Author' : 'Date/Author');
        return lacks;
      },
      { name: 'Decision Log', expected: '"Decision:", "Rationale:" and "Date/Author:" fields' },
    );
  },
};
