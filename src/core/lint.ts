/**
 * The rule runner: linting one parsed plan, and `--fix`. The rules are given (src/rules/index.ts
 * lists execplan's); which run at which severity is decided in lint-settings.ts.
 *
 * Pure: the clock, the file system (`exists`) and the settings come in through the context.
 */
import type { LintContextBase, Report } from './rule-types.js';
import { applyEdits, type Edit } from './apply-edits.js';
import type { Diagnostic } from './diagnostic.js';
import { parseOptionsFor, type EnabledRule } from './lint-settings.js';
import { parsePlan } from './parse.js';
import { PlanData, PlanRuleContext } from './rule-context.js';
import type { Plan } from './types.js';

export { summarize } from './diagnostic.js';
export { DEFAULT_SECTION_SETTINGS, parseOptionsFor, type EnabledRule, type LintSettingsInput, type RuleSettingInput } from './lint-settings.js';

/** Run the enabled rules on a parsed plan. Findings come back sorted by position. */
export function lintPlan(plan: Plan, base: LintContextBase, enabled: readonly EnabledRule[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const data = new PlanData(plan);
  // A plan with git conflict markers gets no fix: which side a change belongs to is the author's call.
  const fixable = !plan.conflictMarkers.length;
  for (const { rule, severity, options } of enabled) {
    const ruleId = rule.meta.id;
    const report = (r: Report) => {
      // Built field by field, not with spreads: this runs for every finding of every plan.
      const d: Diagnostic = { ruleId, severity, message: r.message, line: Math.max(1, r.line), column: Math.max(1, r.column ?? 1) };
      if (r.endLine !== undefined) d.endLine = r.endLine;
      if (r.endColumn !== undefined) d.endColumn = r.endColumn;
      if (r.fix?.length && fixable) d.fix = r.fix;
      if (r.createFolder !== undefined && fixable) d.createFolder = r.createFolder;
      out.push(d);
    };
    try {
      rule.check(new PlanRuleContext(base, data, options, report));
    } catch (err) {
      // A rule failing is a bug in execplan, not in the plan: say which rule and which file.
      throw new Error(`Rule "${ruleId}" failed on ${base.file.path}: ${(err as Error).message}`, { cause: err });
    }
  }
  // Array.prototype.sort is stable: findings on one line keep the order their rules reported them.
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** One fix that `fixPlan` applied. */
export interface AppliedFix {
  ruleId: string;
  message: string;
  line: number;
  /** 1-based pass; the edits are on the text as it was at the start of that pass. */
  pass: number;
  edits: Edit[];
}

/** What `fixPlan` did. */
export interface FixResult {
  output: string;
  fixes: AppliedFix[];
  /** The edits of each pass, on that pass's input: folding applyEdits over them turns the source into the output. */
  passes: Edit[][];
  /** The findings left on the output. */
  diagnostics: Diagnostic[];
}

/**
 * Apply every safe fix: in each pass, the fixes that do not touch each other's bytes; then parse and
 * lint again, until nothing fixable is left (at most `maxPasses` passes). A plan with git conflict
 * markers gets no fix. Two rules inserting at the
 * same point wait for separate passes, so each sees the other's result.
 */
export function fixPlan(source: string, base: LintContextBase, enabled: readonly EnabledRule[], maxPasses = 10): FixResult {
  const parseOptions = parseOptionsFor(base.sections);
  const fixes: AppliedFix[] = [];
  const passes: Edit[][] = [];
  let text = source;
  for (let pass = 1; pass <= maxPasses; pass++) {
    const plan = parsePlan(text, parseOptions);
    // Which side of a merge conflict a fix belongs to is the author's call: none is made.
    if (plan.conflictMarkers.length) break;
    const fixable = lintPlan(plan, base, enabled).filter((d) => d.fix?.length);
    if (!fixable.length) break;
    const accepted: { ruleId: string; edit: Edit }[] = [];
    const applied: AppliedFix[] = [];
    for (const d of fixable) {
      if (d.fix!.some((e) => accepted.some((a) => conflicts(e, a.edit, d.ruleId !== a.ruleId)))) continue;
      for (const edit of d.fix!) accepted.push({ ruleId: d.ruleId, edit });
      applied.push({ ruleId: d.ruleId, message: d.message, line: d.line, pass, edits: d.fix! });
    }
    const edits = accepted.map((a) => a.edit);
    const next = applyEdits(text, edits, plan.eol);
    if (next === text) break;
    for (const fix of applied) fixes.push(fix);
    passes.push(edits);
    text = next;
  }
  const diagnostics = lintPlan(parsePlan(text, parseOptions), base, enabled);
  return { output: text, fixes, passes, diagnostics };
}

function conflicts(a: Edit, b: Edit, differentRules: boolean): boolean {
  if (a.start < b.end && b.start < a.end) return true;
  // Insertions at one point from different rules: their order would be a guess, so one waits a pass.
  return differentRules && a.start === a.end && b.start === b.end && a.start === b.start;
}
