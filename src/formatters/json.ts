/**
 * The machine format: one JSON document with every finding, its fix as range edits, the totals
 * and the metadata of the rules that ran, so a program never has to parse the stylish text.
 */
import { isFixable, type Diagnostic, type LintResult } from '../core/diagnostic.js';
import { okEnvelope } from '../core/envelope.js';
import { ruleDocsUrl } from './links.js';
import { assemble, jsonAround, jsonItem, type FormatInput, type StreamInput, type Totals } from './types.js';

/** Format results as one JSON document, ending with a newline. */
export function format(input: FormatInput): string {
  return assemble({ file, frame, separator }, input);
}

/** Between two plans' blocks. */
export const separator = ',\n';

/** One plan's entry of `results`. */
export function file(r: LintResult): string {
  return jsonItem(result(r), 2);
}

/** The document around its results: the totals come first, the rules that ran last. */
export function frame(t: Totals, input: StreamInput): { head: string; tail: string } {
  // The envelope every `--json` document has: the report is the data of a lint that ran.
  const doc = okEnvelope({
    version: input.version,
    errorCount: t.errors,
    warningCount: t.warnings,
    fixableCount: t.fixable,
    fileCount: t.files,
    results: [],
    rules: input.rules
      .filter((r) => input.enabled[r.id] !== undefined)
      .map((r) => ({
        id: r.id,
        description: r.description,
        severity: input.enabled[r.id],
        defaultSeverity: r.severity,
        fixable: r.fixable,
        requirement: r.requirement,
        docs: ruleDocsUrl(r.id, input.version),
      })),
  });
  return jsonAround(doc, 'results', 2, t.files === 0);
}

function result(r: LintResult) {
  return {
    file: r.file,
    errorCount: r.errorCount,
    warningCount: r.warningCount,
    fixableCount: r.fixableCount,
    diagnostics: r.diagnostics.map(diagnostic),
    // The fixed text, from `--fix-dry-run`.
    ...(r.output !== undefined ? { output: r.output } : {}),
  };
}

/**
 * One finding as printed: `fixable` always present; `fix`, when there are edits, holds them as
 * replacements of `[start, end)` by `text`, offsets in UTF-16 code units into the file's text as
 * read (a BOM counts as one unit): the same edits `execplan lint --fix` applies.
 */
function diagnostic(d: Diagnostic) {
  const { fix, ...rest } = d;
  return { ...rest, fixable: isFixable(d), ...(fix?.length ? { fix: fix.map((e) => ({ start: e.start, end: e.end, text: e.text })) } : {}) };
}
