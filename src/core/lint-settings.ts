/**
 * Which rules run, at which severity and with which options, from the profile and the per-rule
 * settings; and the section settings of a workspace without configuration. Kept apart from the
 * runner so that reading settings does not load the parser.
 */
import { ExecplanError } from './errors.js';
import type { Rule, SectionSettings } from './rule-types.js';
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
 * uses each rule's `severity`, `recommended` its `recommended` level. Unknown rule ids, unknown
 * options and option values of the wrong kind are configuration mistakes: one ExecplanError lists
 * them all, naming what is known. Only the rules' metadata is read, so settings can be checked
 * without loading the rules' code.
 */
export function resolveSettingsOf<R extends { meta: RuleMeta }>(lint: LintSettingsInput, rules: readonly R[]): EnabledRule<R>[] {
  const byId = new Map(rules.map((r) => [r.meta.id, r]));
  const configured = lint.rules ?? {};
  const problems: string[] = [];
  const unknown = Object.keys(configured).filter((id) => !byId.has(id));
  if (unknown.length) {
    problems.push(`"lint.rules" names unknown rule${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')}; known rules: ${[...byId.keys()].join(', ')}.`);
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
        const defaults = rule.meta.options ?? {};
        const allowed = Object.keys(defaults);
        const bad = Object.keys(opts).filter((k) => !allowed.includes(k));
        if (bad.length) {
          problems.push(`"lint.rules.${id}" has unknown option${bad.length > 1 ? 's' : ''} ${bad.map((b) => `"${b}"`).join(', ')}; ${allowed.length ? `known options: ${allowed.join(', ')}` : 'this rule takes no options'}.`);
        }
        for (const k of allowed) {
          if (!Object.hasOwn(opts, k)) continue;
          const expected = optionKind(defaults[k]);
          if (optionKind(opts[k]) !== expected) problems.push(`"lint.rules.${id}" option "${k}" must be ${KIND_WORDS[expected]} (got ${JSON.stringify(opts[k])}).`);
        }
        options = { ...options, ...opts };
      }
    }
    if (severity !== 'off') out.push({ rule, severity, options });
  }
  if (problems.length) {
    const message = problems.length === 1 ? `execplan.json ${problems[0]}` : `execplan.json has ${problems.length} problems in its lint settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`;
    throw new ExecplanError('CONFIG_INVALID', message, { details: [...byId.keys()] });
  }
  return out;
}

/** The kinds of option values the rules take, each judged by the kind of its default. */
type OptionKind = 'boolean' | 'number' | 'strings' | 'other';

const KIND_WORDS: Record<OptionKind, string> = { boolean: 'true or false', number: 'a number', strings: 'a list of strings', other: 'a value like its default' };

function optionKind(v: unknown): OptionKind {
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number') return Number.isFinite(v) ? 'number' : 'other';
  if (Array.isArray(v)) return v.every((x) => typeof x === 'string') ? 'strings' : 'other';
  return 'other';
}
