/**
 * Which rules run, at which severity and with which options, from the profile and the per-rule
 * settings; and the section settings of a workspace without configuration. Kept apart from the
 * runner so that reading settings does not load the parser.
 */
import { ExecplanError } from '../workspace/errors.js';
import type { Rule, SectionSettings } from '../rules/types.js';
import type { RuleMeta, Severity } from './diagnostic.js';
import { SECTION_KEYS } from './sections.js';
import type { ParseOptions } from './types.js';

/** A rule's setting as written in `execplan.json`: a severity, or a severity with options. */
export type RuleSettingInput = 'off' | 'warn' | 'error' | ['off' | 'warn' | 'error'] | ['off' | 'warn' | 'error', Record<string, unknown>];

/** The `lint` part of the configuration. */
export interface LintSettingsInput {
  profile?: 'strict' | 'recommended';
  rules?: Record<string, RuleSettingInput>;
}

/** A rule that will run, with its severity and its options (defaults merged with the configured ones). */
export interface EnabledRule<R extends { meta: RuleMeta } = Rule> {
  rule: R;
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
 * options are configuration mistakes and throw an ExecplanError naming what is known. Only the
 * rules' metadata is read, so settings can be checked without loading the rules' code.
 */
export function resolveSettingsOf<R extends { meta: RuleMeta }>(lint: LintSettingsInput, rules: readonly R[]): EnabledRule<R>[] {
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
  const out: EnabledRule<R>[] = [];
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
