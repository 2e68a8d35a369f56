/** What every formatter is given: the results of one run and the rules behind them. */
import type { LintResult, RuleMeta, Severity } from '../core/diagnostic.js';

/** The input of a formatter. Results come in the order they are printed. */
export interface FormatInput {
  results: readonly LintResult[];
  /** Every rule of the rule set, in registry order (SARIF lists them all). */
  rules: readonly RuleMeta[];
  /** The severity each rule ran with; rules turned off are absent. */
  enabled: Readonly<Record<string, Severity>>;
  /** execplan's version, for tool metadata. */
  version: string;
  /** ANSI colours (stylish only); the command decides from the terminal and NO_COLOR/FORCE_COLOR. */
  color?: boolean;
  /** `file://` URI of the repository root, ending in `/`; SARIF uses it to anchor relative paths. */
  rootUri?: string;
}

/** A formatter: results in, the whole output as one string out. */
export type Formatter = (input: FormatInput) => string;

/** What a streaming formatter needs besides the results. */
export type StreamInput = Omit<FormatInput, 'results'>;

/**
 * A format whose output is a block per file and a footer, so a large run can print each plan's
 * findings as they come and forget them. `format` is the same as the blocks joined plus the footer.
 */
export interface StreamingFormatter {
  file: (result: LintResult, input: StreamInput) => string;
  footer: (t: Totals, input: StreamInput) => string;
}

/** The output formats `execplan lint --format` accepts. */
export const FORMAT_NAMES = ['stylish', 'json', 'github', 'sarif'] as const;

/** One of {@link FORMAT_NAMES}. */
export type FormatName = (typeof FORMAT_NAMES)[number];

/** Totals over a run's results. */
export interface Totals {
  files: number;
  errors: number;
  warnings: number;
  fixable: number;
}

/** Add up the counts of the results. */
export function totals(results: readonly LintResult[]): Totals {
  const t: Totals = { files: results.length, errors: 0, warnings: 0, fixable: 0 };
  for (const r of results) {
    t.errors += r.errorCount;
    t.warnings += r.warningCount;
    t.fixable += r.fixableCount;
  }
  return t;
}

/** `1 error`, `2 warnings`: a count with its noun. */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
