/** The plan kept up with the code: files it names have not changed in commits since the plan's own last commit. */
import { namedFiles, planDrift } from '../core/drift.js';
import type { Rule } from './types.js';

/** Rule: plan-drift. */
export const rule: Rule = {
  meta: {
    id: 'plan-drift',
    description: 'Files an unfinished plan names have not changed in commits after the plan\'s own last commit (checked in a git repository).',
    severity: 'warn',
    recommended: 'warn',
    fixable: false,
    requirement: 'Non-negotiable 2, "Be a living document": keep Progress, Surprises & Discoveries, Decision Log and Outcomes & Retrospective updated as you go.',
    options: { minCommits: 1 },
  },
  check(ctx) {
    const history = ctx.history;
    if (!history) return;
    const items = ctx.plan.progress;
    if (items.length && items.every((i) => i.state === 'done')) return;
    const drift = planDrift(ctx.file.path, namedFiles(ctx.plan), history);
    const min = typeof ctx.options.minCommits === 'number' ? ctx.options.minCommits : 1;
    if (!drift || drift.commits < min) return;
    const files = drift.files.length > 3 ? `${drift.files.slice(0, 3).join(', ')} and ${drift.files.length - 3} more` : drift.files.join(', ');
    ctx.report({
      message: `${files} changed in ${drift.commits} commit${drift.commits === 1 ? '' : 's'} since ${drift.since.slice(0, 10)}, after this plan's last commit on ${drift.planCommit.time.slice(0, 10)}; expected the plan to be updated with the work.`,
      line: 1,
      column: 1,
    });
  },
};
