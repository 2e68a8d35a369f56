/** The rule tables of README.md and docs/rules/README.md, made from the rules' metadata so they cannot drift. */
import type { RuleMeta } from '../core/diagnostic.js';

/**
 * A Markdown table of the rules: id linking its page, what it checks, severity in each profile,
 * whether `--fix` fixes it. `docsDir` is the path from the table's file to `docs/rules/`
 * (`docs/rules/` from the repository root, empty from docs/rules/README.md).
 */
export function renderRulesTable(rules: readonly RuleMeta[], docsDir = 'docs/rules/'): string {
  const head = ['| Rule | Checks | strict | recommended | Fixable |', '| --- | --- | --- | --- | --- |'];
  const rows = rules.map((r) => `| [\`${r.id}\`](${docsDir}${r.id}.md) | ${cell(r.description)} | ${r.severity} | ${r.recommended} | ${r.fixable ? 'yes' : 'no'} |`);
  return `${[...head, ...rows].join('\n')}\n`;
}

/** Keep a table cell on one line and its pipes literal. */
function cell(s: string): string {
  return s.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}
