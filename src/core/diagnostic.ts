/** The one shape of a lint finding, shared by rules, the runner and every formatter, and the per-file counts made from it. */
import type { Edit } from './apply-edits.js';

/** How much a finding matters. `error` fails `execplan lint`; `warn` fails it only past `--max-warnings`. */
export type Severity = 'error' | 'warn';

/** One finding. Lines and columns are 1-based (unist). */
export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  /** One sentence: what was found and what was expected. */
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** A safe fix as range edits on the original text. */
  fix?: Edit[];
  /** A safe fix that is a folder to create (repository-relative), which `execplan lint --fix` makes. */
  createFolder?: string;
}

/** What a rule says about itself: data that the docs, the README table and SARIF are made from. */
export interface RuleMeta {
  /** Kebab-case; equals the rule's file name. */
  id: string;
  /** One line: what the rule checks. */
  description: string;
  /** Severity in the default (strict) profile; `off` for an opt-in rule, turned on in `lint.rules` or with `--rule`. */
  severity: Severity | 'off';
  /** Severity in the `recommended` profile, or off. */
  recommended: Severity | 'off';
  fixable: boolean;
  /** The specification's words this rule enforces. */
  requirement: string;
  /** Option names and their defaults, documented on the rule's page. */
  options?: Record<string, unknown>;
}

/** The result of linting one file. */
export interface LintResult {
  /** Repository-relative path with `/`. */
  file: string;
  diagnostics: Diagnostic[];
  errorCount: number;
  warningCount: number;
  fixableCount: number;
  /** The fixed text, when fixes were applied. */
  output?: string;
}

/** Whether `--fix` can fix a finding: it has text edits, or a folder to create. */
export function isFixable(d: Diagnostic): boolean {
  return Boolean(d.fix?.length || d.createFolder);
}

/** Count a file's findings into the shape formatters take. */
export function summarize(file: string, diagnostics: Diagnostic[], output?: string): LintResult {
  return {
    file,
    diagnostics,
    errorCount: diagnostics.filter((d) => d.severity === 'error').length,
    warningCount: diagnostics.filter((d) => d.severity === 'warn').length,
    fixableCount: diagnostics.filter(isFixable).length,
    ...(output !== undefined ? { output } : {}),
  };
}
