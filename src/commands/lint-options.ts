/** Checking `execplan lint`'s options into one settled shape, with errors that name the bad value. */
import { FORMAT_NAMES, type FormatName } from '../formatters/types.js';
import type { LintSettingsInput, RuleSettingInput } from '../core/lint.js';
import type { RuleMeta } from '../core/diagnostic.js';
import { editDistance } from '../core/sections.js';
import type { Config } from '../workspace/config.js';
import { ExecplanError } from '../workspace/errors.js';

/** The options as commander hands them over. */
export interface LintOptions {
  cwd?: string;
  json?: boolean;
  format?: string;
  output?: string;
  maxWarnings?: string;
  fix?: boolean;
  fixDryRun?: boolean;
  profile?: string;
  rule?: string[];
  cache?: boolean;
  cacheLocation?: string;
  quiet?: boolean;
  force?: boolean;
  color?: boolean;
}

/** The options, checked. */
export interface Settled {
  format: FormatName;
  maxWarnings?: number;
  fix: 'write' | 'dry-run' | 'none';
}

/** Check the format, `--max-warnings` and the fix mode. */
export function settle(opts: LintOptions): Settled {
  const format = opts.format ?? (opts.json ? 'json' : 'stylish');
  if (!(FORMAT_NAMES as readonly string[]).includes(format)) {
    throw new ExecplanError('USAGE', `Unknown format "${format}"; expected one of ${FORMAT_NAMES.join(', ')}.`, { details: [...FORMAT_NAMES] });
  }
  if (opts.json && format !== 'json') throw new ExecplanError('USAGE', `--json asks for the json format, but --format says "${format}"; give one of them.`);
  let maxWarnings: number | undefined;
  if (opts.maxWarnings !== undefined) {
    if (!/^\d+$/.test(opts.maxWarnings.trim())) throw new ExecplanError('USAGE', `--max-warnings takes a whole number of 0 or more (got "${opts.maxWarnings}").`);
    maxWarnings = Number(opts.maxWarnings);
  }
  if (opts.fix && opts.fixDryRun) throw new ExecplanError('USAGE', '--fix writes the fixes and --fix-dry-run only shows them; give one of them.');
  return { format: format as FormatName, ...(maxWarnings !== undefined ? { maxWarnings } : {}), fix: opts.fix ? 'write' : opts.fixDryRun ? 'dry-run' : 'none' };
}

/**
 * The lint settings of this run: the configuration's, with `--profile` replacing the profile and
 * each `--rule id=severity` replacing that rule's severity (its configured options are kept).
 */
export function lintSettings(config: Config, opts: LintOptions, rules: readonly RuleMeta[]): LintSettingsInput {
  let profile = config.lint.profile;
  if (opts.profile !== undefined) {
    if (opts.profile !== 'strict' && opts.profile !== 'recommended') throw new ExecplanError('USAGE', `Unknown profile "${opts.profile}"; expected strict or recommended.`);
    profile = opts.profile;
  }
  const configured = config.lint.rules as Record<string, RuleSettingInput>;
  const out: Record<string, RuleSettingInput> = { ...configured };
  const known = rules.map((r) => r.id);
  for (const spec of opts.rule ?? []) {
    const m = /^\s*([^=\s]+)\s*[=:]\s*(off|warn|warning|error)\s*$/.exec(spec);
    if (!m) throw new ExecplanError('USAGE', `--rule takes <rule-id>=<off|warn|error>, as in --rule section-order=off (got "${spec}").`);
    const id = m[1]!;
    if (!known.includes(id)) {
      const close = known.filter((k) => editDistance(id, k, 3) <= 3 || k.includes(id));
      const hint = close.length ? ` Did you mean ${close.map((c) => `"${c}"`).join(' or ')}?` : '';
      throw new ExecplanError('USAGE', `--rule names unknown rule "${id}".${hint} Known rules: ${known.join(', ')}.`, { details: known });
    }
    const severity = m[2] === 'warning' ? 'warn' : (m[2] as 'off' | 'warn' | 'error');
    const prev = configured[id];
    out[id] = Array.isArray(prev) && prev[1] ? [severity, prev[1]] : severity;
  }
  return { profile, rules: out };
}
