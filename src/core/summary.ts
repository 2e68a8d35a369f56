/** Where a plan stands, in a few numbers: what `list` shows and `archive` checks. */
import type { Plan } from './types.js';

/** A plan's state as `list` reports it. */
export type PlanState = 'not started' | 'in progress' | 'complete' | 'archived';

/** The figures of one plan. */
export interface PlanSummary {
  title: string | null;
  done: number;
  total: number;
  partial: number;
  /** The newest Progress timestamp as written, or null. */
  lastActivity: string | null;
  /** The same as an ISO string (UTC), or null. */
  lastActivityIso: string | null;
  state: PlanState;
}

const STATES: readonly unknown[] = ['not started', 'in progress', 'complete', 'archived'] satisfies PlanState[];

/** Whether a value read back from a cache is a summary as {@link summarizePlan} makes them. */
export function isPlanSummary(v: unknown): v is PlanSummary {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Record<string, unknown>;
  const count = (n: unknown) => Number.isInteger(n) && (n as number) >= 0;
  const text = (t: unknown) => t === null || typeof t === 'string';
  return text(s.title) && count(s.done) && count(s.total) && count(s.partial) && text(s.lastActivity) && text(s.lastActivityIso) && STATES.includes(s.state);
}

/** Summarise a parsed plan. */
export function summarizePlan(plan: Plan, archived = false): PlanSummary {
  let done = 0;
  let partial = 0;
  let newest: { raw: string; epoch: number } | undefined;
  for (const item of plan.progress) {
    if (item.state === 'done') done++;
    else if (item.state === 'partial') partial++;
    const ts = item.timestamp;
    if (ts && ts.valid && (!newest || ts.epoch > newest.epoch)) newest = { raw: ts.raw, epoch: ts.epoch };
  }
  const total = plan.progress.length;
  let state: PlanState;
  if (archived) state = 'archived';
  else if (total > 0 && done === total) state = 'complete';
  else if (done > 0 || partial > 0) state = 'in progress';
  else state = 'not started';
  return {
    title: plan.title?.text ?? null,
    done,
    total,
    partial,
    lastActivity: newest ? newest.raw.replace(/^\(|\)$/g, '') : null,
    lastActivityIso: newest ? new Date(newest.epoch).toISOString() : null,
    state,
  };
}
