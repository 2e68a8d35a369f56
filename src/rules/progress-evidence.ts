/** Opt-in: every done Progress item cites its evidence, a transcript of a run that exited 0 or a commit. */
import { citedEvidence } from '../core/evidence.js';
import type { Rule } from './types.js';

// `run` links each transcript from the plan as "`command` exited N: [transcript](link)".
const RUN_LINE = /exited (\d{1,3}): \[transcript\]\(([^()\s]{1,500})\)/g;

/** Rule: progress-evidence. */
export const rule: Rule = {
  meta: {
    id: 'progress-evidence',
    description: 'Each done Progress item cites evidence: a transcript of a run that exited 0, or a commit (opt-in).',
    severity: 'off',
    recommended: 'off',
    fixable: false,
    requirement: 'Non-negotiable 3, "Produce a demonstrably working behavior", and Progress: "Use timestamps to measure rates of progress"; a checked box is a claim the evidence backs.',
  },
  check(ctx) {
    const exits = new Map<string, number>();
    for (const m of ctx.plan.source.matchAll(RUN_LINE)) exits.set(m[2]!, Number(m[1]));
    for (const item of ctx.plan.progress) {
      if (item.state !== 'done') continue;
      const cited = citedEvidence(ctx.plan.source.slice(item.range.start, item.range.end));
      const failed = cited.transcripts.find((t) => (exits.get(t) ?? 0) !== 0);
      const line = ctx.plan.source.slice(0, item.range.start).split('\n').length;
      if (failed !== undefined) {
        ctx.report({ message: `Done item ${item.index} cites the transcript ${failed}, of a run that exited ${exits.get(failed)}; expected a run that exited 0.`, line, column: 1 });
      } else if (!cited.transcripts.length && !cited.commits.length) {
        ctx.report({ message: `Done item ${item.index} cites no evidence; expected a transcript of a run that exited 0 or a commit.`, line, column: 1 });
      }
    }
  },
};
