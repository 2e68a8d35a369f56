/** Every lint rule, listed explicitly, in the order they run and are documented. */
import { resolveSettingsOf, type EnabledRule, type LintSettingsInput } from '../core/lint-settings.js';
import type { Rule } from './types.js';
import { rule as title } from './title.js';
import { rule as wellFormed } from './well-formed.js';
import { rule as livingSections } from './living-sections.js';
import { rule as requiredSections } from './required-sections.js';
import { rule as sectionOrder } from './section-order.js';
import { rule as headingStyle } from './heading-style.js';
import { rule as livingPreamble } from './living-preamble.js';
import { rule as noEmptySections } from './no-empty-sections.js';
import { rule as noPlaceholderText } from './no-placeholder-text.js';
import { rule as progressChecklist } from './progress-checklist.js';
import { rule as progressItemStyle } from './progress-item-style.js';
import { rule as progressTimestamp } from './progress-timestamp.js';
import { rule as timestampStyle } from './timestamp-style.js';
import { rule as timestampValid } from './timestamp-valid.js';
import { rule as timestampOrder } from './timestamp-order.js';
import { rule as decisionFields } from './decision-fields.js';
import { rule as surpriseFields } from './surprise-fields.js';
import { rule as outcomesWhenDone } from './outcomes-when-done.js';
import { rule as repoRelativePaths } from './repo-relative-paths.js';
import { rule as referencedPathsExist } from './referenced-paths-exist.js';
import { rule as concreteSteps } from './concrete-steps.js';
import { rule as validationObservable } from './validation-observable.js';
import { rule as milestoneOutcome } from './milestone-outcome.js';
import { rule as noOutsideContext } from './no-outside-context.js';
import { rule as fileName } from './file-name.js';
import { rule as artifactsFolder } from './artifacts-folder.js';
import { rule as planDrift } from './plan-drift.js';
import { rule as progressEvidence } from './progress-evidence.js';

/** All rules. */
export const RULES: readonly Rule[] = [
  title,
  wellFormed,
  livingSections,
  requiredSections,
  sectionOrder,
  headingStyle,
  livingPreamble,
  noEmptySections,
  noPlaceholderText,
  progressChecklist,
  progressItemStyle,
  progressTimestamp,
  timestampStyle,
  timestampValid,
  timestampOrder,
  decisionFields,
  surpriseFields,
  outcomesWhenDone,
  repoRelativePaths,
  referencedPathsExist,
  concreteSteps,
  validationObservable,
  milestoneOutcome,
  noOutsideContext,
  fileName,
  artifactsFolder,
  planDrift,
  progressEvidence,
];

export type { Rule, RuleContext, LintContextBase, Report, SectionSettings } from './types.js';

/**
 * Resolve the profile and the per-rule overrides into the list of rules to run (all of execplan's
 * rules unless others are given). `strict` (the default) uses each rule's `severity`,
 * `recommended` its `recommended` level. Unknown rule ids and unknown options are configuration
 * mistakes and throw an ExecplanError naming what is known.
 */
export function resolveRuleSettings(lint: LintSettingsInput = {}, rules: readonly Rule[] = RULES): EnabledRule[] {
  return resolveSettingsOf(lint, rules);
}
