/** Hand-made lint results and rule metadata for formatter tests. */
import { summarize, type Diagnostic, type LintResult, type RuleMeta } from '../../src/core/diagnostic.js';
import type { FormatInput } from '../../src/formatters/types.js';

export const RULES: RuleMeta[] = [
  { id: 'title', description: 'The plan starts with one H1 title.', severity: 'error', recommended: 'error', fixable: false, requirement: 'ExecPlan skeleton: `# <Short, action-oriented description>`.' },
  { id: 'progress-timestamp', description: 'Completed Progress items start with a timestamp.', severity: 'error', recommended: 'warn', fixable: true, requirement: 'Use checkboxes + timestamps.' },
  { id: 'heading-style', description: 'Section headings use the canonical spelling | at H2.', severity: 'warn', recommended: 'off', fixable: true, requirement: 'Copy the skeleton.' },
];

/** Build one file's result, counting as the runner does. */
export function result(file: string, diagnostics: Diagnostic[]): LintResult {
  return summarize(file, diagnostics);
}

/** Two files with findings, one clean file. */
export function sampleInput(extra: Partial<FormatInput> = {}): FormatInput {
  return {
    results: [
      result('.agent/execplans/2026-01-05_add-retry.md', [
        { ruleId: 'title', severity: 'error', message: 'The plan has no H1 title; expected a first line like "# Add retry".', line: 1, column: 1 },
        { ruleId: 'progress-timestamp', severity: 'error', message: 'Completed item 2 has no timestamp; expected "(YYYY-MM-DD HH:MM)".', line: 12, column: 3, endLine: 12, endColumn: 40, fix: [{ start: 210, end: 210, text: '(2026-01-05 10:00) ' }] },
        { ruleId: 'heading-style', severity: 'warn', message: 'Heading "Decision log" is spelled differently; expected "Decision Log".', line: 104, column: 1, fix: [{ start: 3000, end: 3012, text: 'Decision Log' }] },
      ]),
      result('.agent/execplans/clean.md', []),
      result('.agent/execplans/with space, 100%: odd.md', [
        { ruleId: 'heading-style', severity: 'warn', message: 'Line one\nline two, 50% done: really\r', line: 3, column: 1 },
      ]),
    ],
    rules: RULES,
    enabled: { title: 'error', 'progress-timestamp': 'error', 'heading-style': 'warn' },
    version: '1.2.3',
    ...extra,
  };
}
