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

/**
 * Run the enabled rules on a parsed plan. Findings come back sorted by position, and a finding
 * carries a fix exactly when `fixPlan` would apply it: one decision, made by `--fix` itself, so a
 * finding shown as fixable is one that `--fix` fixes.
 */
export function lintPlan(plan: Plan, base: LintContextBase, enabled: readonly EnabledRule[]): Diagnostic[] {
  return runRules(plan, base, enabled);
}

/** Run the enabled rules, each finding with the fix its rule offers. */
function runRules(plan: Plan, base: LintContextBase, enabled: readonly EnabledRule[]): Diagnostic[] {
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
 * lint again, until nothing fixable is left (at most `maxPasses` passes). Two rules inserting at the
 * same point wait for separate passes, so each sees the other's result.
 *
 * A fix never makes the plan worse: a pass whose result has a finding the original plan did not
 * have (a section inserted out of order, an empty Progress in a plan that tracks its steps
 * elsewhere) keeps only the fixes that add none, and the others wait for the plan to change. A missing
 * section inserted empty counts as the same finding, now "is empty": the author still has to write
 * it. A plan with git conflict markers gets no fix.
 */
export function fixPlan(source: string, base: LintContextBase, enabled: readonly EnabledRule[], maxPasses = 10): FixResult {
  return fixFrom(source, base, enabled, maxPasses);
}

function fixFrom(source: string, base: LintContextBase, enabled: readonly EnabledRule[], maxPasses: number): FixResult {
  const parseOptions = parseOptionsFor(base.sections);
  const lint = (t: string) => runRules(parsePlan(t, parseOptions), base, enabled);
  const fixes: AppliedFix[] = [];
  const passes: Edit[][] = [];
  let text = source;
  let current = lint(text);
  const before = findingCounts(current);
  const rejected = new Set<string>();
  const eol = parsePlan(source, parseOptions).eol;
  for (let pass = 1; pass <= maxPasses; pass++) {
    // Which side of a merge conflict a fix belongs to is the author's call: none is made.
    const fixable = current.filter((d) => d.fix?.length && !rejected.has(fixKey(d)));
    if (!fixable.length) break;
    const chosen: Diagnostic[] = [];
    const accepted: { ruleId: string; edit: Edit }[] = [];
    for (const d of fixable) {
      if (d.fix!.some((e) => accepted.some((a) => conflicts(e, a.edit, d.ruleId !== a.ruleId)))) continue;
      for (const edit of d.fix!) accepted.push({ ruleId: d.ruleId, edit });
      chosen.push(d);
    }
    let kept = chosen;
    let next = applyEdits(text, kept.flatMap((d) => d.fix!), eol);
    let after = next === text ? current : lint(next);
    if (addsFindings(before, after)) {
      // Keep the fixes that add nothing on their own, then check them together; one at a time if they interact.
      kept = chosen.filter((d) => !addsFindings(before, lint(applyEdits(text, d.fix!, eol))));
      next = applyEdits(text, kept.flatMap((d) => d.fix!), eol);
      after = lint(next);
      if (addsFindings(before, after) && kept.length > 1) kept = kept.slice(0, 1);
      for (const d of chosen) if (!kept.includes(d)) rejected.add(fixKey(d));
      next = applyEdits(text, kept.flatMap((d) => d.fix!), eol);
      after = next === text ? current : lint(next);
      if (addsFindings(before, after)) {
        for (const d of kept) rejected.add(fixKey(d));
        continue;
      }
    }
    if (next === text) {
      if (kept.length) break;
      continue;
    }
    for (const d of kept) fixes.push({ ruleId: d.ruleId, message: d.message, line: d.line, pass, edits: d.fix! });
    passes.push(kept.flatMap((d) => d.fix!));
    text = next;
    current = after;
    // On the changed plan a fix refused before may add nothing (a section inserted once the others are at its level).
    rejected.clear();
  }
  // The fixes left offered are the ones --fix would not make: the findings on the output carry none.
  const diagnostics = current.map((d) => (d.fix && rejected.has(fixKey(d)) ? withoutFix(d) : d));
  return { output: text, fixes, passes, diagnostics };
}

function withoutFix(d: Diagnostic): Diagnostic {
  const { fix: _fix, ...rest } = d;
  return rest;
}

/** A fix's identity across passes: its rule and message, line numbers left out since insertions move them. */
function fixKey(d: Diagnostic): string {
  return findingKey(d);
}

/**
 * A finding's identity for comparing a plan before and after fixes: its rule and message, line
 * numbers left out; a missing section and the same section inserted empty (or at another level) are one.
 */
export function findingKey(d: { ruleId: string; message: string }): string {
  // A missing section and the same section inserted empty are one finding, at two stages.
  const section = /^(?:The [\w ]+ section "(.+)" is missing;|Section "(.+)" is empty;)/.exec(d.message);
  if (section && (d.ruleId === 'living-sections' || d.ruleId === 'required-sections' || d.ruleId === 'no-empty-sections')) return `section:${section[1] ?? section[2]}`;
  // heading-style reports one finding per heading, named by the heading it expects: renamed but
  // left at its level, or raised but left in its words, a heading still falls short of the same one.
  if (d.ruleId === 'heading-style') {
    const expected = /; expected (.+)$/.exec(d.message);
    if (expected) return `heading-style:${expected[1]}`;
  }
  // section-order names the section out of order, then a neighbour that changes as sections are added.
  if (d.ruleId === 'section-order') {
    const out = /^Section "(.+)" is out of order/.exec(d.message);
    if (out) return `section-order:${out[1]}`;
  }
  // timestamp-order quotes both stamps: one rewritten to the configured style is still the same pair.
  if (d.ruleId === 'timestamp-order') {
    return `timestamp-order:${d.message.replace(/\blines? \d+/g, 'line N').replace(/(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d)(?::\d\d(?:\.\d+)?)?/g, '$1 $2')}`;
  }
  return `${d.ruleId}:${d.message.replace(/\blines? \d+(?:(?:, | and )\d+)*/g, 'line N')}`;
}

function findingCounts(diagnostics: readonly Diagnostic[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of diagnostics) counts.set(findingKey(d), (counts.get(findingKey(d)) ?? 0) + 1);
  return counts;
}

/** Whether `after` holds a finding `before` did not, counting repeated ones. */
function addsFindings(before: Map<string, number>, after: readonly Diagnostic[]): boolean {
  return newFindingsAgainst(before, after, true).length > 0;
}

function newFindingsAgainst(before: Map<string, number>, after: readonly Diagnostic[], first: boolean): Diagnostic[] {
  const left = new Map(before);
  const out: Diagnostic[] = [];
  for (const d of after) {
    const k = findingKey(d);
    const n = left.get(k) ?? 0;
    if (n > 0) left.set(k, n - 1);
    else {
      out.push(d);
      if (first) break;
    }
  }
  return out;
}

/**
 * The findings of `after` that `before` does not have (lines aside, a missing section and the same
 * section inserted empty counted as one): what a change such as `--fix` made worse.
 */
export function newFindings(before: readonly Diagnostic[], after: readonly Diagnostic[]): Diagnostic[] {
  return newFindingsAgainst(findingCounts(before), after, false);
}

function conflicts(a: Edit, b: Edit, differentRules: boolean): boolean {
  if (a.start < b.end && b.start < a.end) return true;
  // Insertions at one point from different rules: their order would be a guess, so one waits a pass.
  return differentRules && a.start === a.end && b.start === b.end && a.start === b.start;
}
