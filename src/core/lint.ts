/**
 * The rule runner: which rules run at which severity, linting one parsed plan, and `--fix`.
 *
 * Pure: the clock, the file system (`exists`) and the settings come in through the context.
 */
import { ExecplanError } from '../workspace/errors.js';
import { RULES } from '../rules/index.js';
import type { LintContextBase, Report, Rule, SectionSettings } from '../rules/types.js';
import { applyEdits, type Edit } from './apply-edits.js';
import type { Diagnostic, LintResult, Severity } from './diagnostic.js';
import { parsePlan } from './parse.js';
import { SECTION_KEYS } from './sections.js';
import type { ParseOptions, Plan } from './types.js';

/** A rule's setting as written in `execplan.json`: a severity, or a severity with options. */
export type RuleSettingInput = 'off' | 'warn' | 'error' | ['off' | 'warn' | 'error'] | ['off' | 'warn' | 'error', Record<string, unknown>];

/** The `lint` part of the configuration. */
export interface LintSettingsInput {
  profile?: 'strict' | 'recommended';
  rules?: Record<string, RuleSettingInput>;
}

/** A rule that will run, with its severity and its options (defaults merged with the configured ones). */
export interface EnabledRule {
  rule: Rule;
  severity: Severity;
  options: Record<string, unknown>;
}

/** The section settings of a workspace without configuration: the skeleton's twelve sections, all required. */
export const DEFAULT_SECTION_SETTINGS: SectionSettings = {
  required: [...SECTION_KEYS],
  order: [...SECTION_KEYS],
  aliases: {},
  custom: [],
};

/** How the parser must read plans for these section settings (aliases and custom sections). */
export function parseOptionsFor(sections: SectionSettings): ParseOptions {
  return { aliases: sections.aliases, customSections: sections.custom };
}

/**
 * Resolve the profile and the per-rule overrides into the list of rules to run. `strict` (the default)
 * uses each rule's `severity`, `recommended` its `recommended` level. Unknown rule ids and unknown
 * options are configuration mistakes and throw an ExecplanError naming what is known.
 */
export function resolveRuleSettings(lint: LintSettingsInput = {}, rules: readonly Rule[] = RULES): EnabledRule[] {
  const byId = new Map(rules.map((r) => [r.meta.id, r]));
  const configured = lint.rules ?? {};
  const unknown = Object.keys(configured).filter((id) => !byId.has(id));
  if (unknown.length) {
    const known = [...byId.keys()];
    throw new ExecplanError(
      'CONFIG_INVALID',
      `execplan.json "lint.rules" names unknown rule${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')}; known rules: ${known.join(', ')}.`,
      { details: known },
    );
  }
  const out: EnabledRule[] = [];
  for (const rule of rules) {
    const { id } = rule.meta;
    let severity: Severity | 'off' = lint.profile === 'recommended' ? rule.meta.recommended : rule.meta.severity;
    let options: Record<string, unknown> = { ...(rule.meta.options ?? {}) };
    const setting = configured[id];
    if (setting !== undefined) {
      const [sev, opts] = Array.isArray(setting) ? setting : [setting];
      severity = sev;
      if (opts) {
        const allowed = Object.keys(rule.meta.options ?? {});
        const bad = Object.keys(opts).filter((k) => !allowed.includes(k));
        if (bad.length) {
          throw new ExecplanError(
            'CONFIG_INVALID',
            `execplan.json "lint.rules.${id}" has unknown option${bad.length > 1 ? 's' : ''} ${bad.map((b) => `"${b}"`).join(', ')}; ${allowed.length ? `known options: ${allowed.join(', ')}` : 'this rule takes no options'}.`,
            { details: allowed },
          );
        }
        options = { ...options, ...opts };
      }
    }
    if (severity !== 'off') out.push({ rule, severity, options });
  }
  return out;
}

/** Run the enabled rules on a parsed plan. Findings come back sorted by position. */
export function lintPlan(plan: Plan, base: LintContextBase, enabled: readonly EnabledRule[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { rule, severity, options } of enabled) {
    const report = (r: Report) => {
      out.push({
        ruleId: rule.meta.id,
        severity,
        message: r.message,
        line: Math.max(1, r.line),
        column: Math.max(1, r.column ?? 1),
        ...(r.endLine !== undefined ? { endLine: r.endLine } : {}),
        ...(r.endColumn !== undefined ? { endColumn: r.endColumn } : {}),
        ...(r.fix?.length ? { fix: r.fix } : {}),
      });
    };
    try {
      rule.check({ ...base, plan, options, report });
    } catch (err) {
      // A rule failing is a bug in execplan, not in the plan: say which rule and which file.
      throw new Error(`Rule "${rule.meta.id}" failed on ${base.file.path}: ${(err as Error).message}`, { cause: err });
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
 */
export function fixPlan(source: string, base: LintContextBase, enabled: readonly EnabledRule[], maxPasses = 10): FixResult {
  const parseOptions = parseOptionsFor(base.sections);
  const fixes: AppliedFix[] = [];
  const passes: Edit[][] = [];
  let text = source;
  for (let pass = 1; pass <= maxPasses; pass++) {
    const plan = parsePlan(text, parseOptions);
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
    fixes.push(...applied);
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

/** Count a file's findings into the shape formatters take. */
export function summarize(file: string, diagnostics: Diagnostic[], output?: string): LintResult {
  return {
    file,
    diagnostics,
    errorCount: diagnostics.filter((d) => d.severity === 'error').length,
    warningCount: diagnostics.filter((d) => d.severity === 'warn').length,
    fixableCount: diagnostics.filter((d) => d.fix?.length).length,
    ...(output !== undefined ? { output } : {}),
  };
}
