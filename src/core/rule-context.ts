/**
 * The context each rule runs in. One plan is checked by every enabled rule, so what the rules
 * derive from it (its classified lines) is computed once per plan and shared, and the per-rule
 * context is a small object that reads the rest from the run's base context on demand.
 */
import type { LintContextBase, Report, RuleContext, SectionSettings } from './rule-types.js';
import { planLines, type PlanLine } from './plan-lines.js';
import type { Plan } from './types.js';

/** What is derived from one plan once, for all of its rules. */
export class PlanData {
  private classified?: readonly PlanLine[];

  constructor(readonly plan: Plan) {}

  /** Every line of the plan, classified; built on first use. */
  get lines(): readonly PlanLine[] {
    return (this.classified ??= planLines(this.plan));
  }
}

/**
 * A rule's context. The base fields are getters rather than copies: copying them into a fresh
 * object per rule and plan is measurably slow, and a getter lets the workspace see which rule
 * actually reads the clock.
 */
export class PlanRuleContext implements RuleContext {
  constructor(
    private readonly base: LintContextBase,
    private readonly data: PlanData,
    readonly options: Record<string, unknown>,
    readonly report: (finding: Report) => void,
  ) {}

  get plan(): Plan {
    return this.data.plan;
  }
  get lines(): readonly PlanLine[] {
    return this.data.lines;
  }
  get file(): LintContextBase['file'] {
    return this.base.file;
  }
  get sections(): SectionSettings {
    return this.base.sections;
  }
  get timestampStyle(): LintContextBase['timestampStyle'] {
    return this.base.timestampStyle;
  }
  get timestampStyleFromPlan(): boolean | undefined {
    return this.base.timestampStyleFromPlan;
  }
  get now(): Date {
    return this.base.now;
  }
  get tzOffsetMinutes(): number {
    return this.base.tzOffsetMinutes;
  }
  get artifacts(): LintContextBase['artifacts'] {
    return this.base.artifacts;
  }
  get exists(): LintContextBase['exists'] {
    return this.base.exists;
  }
  get history(): LintContextBase['history'] {
    return this.base.history;
  }
}
