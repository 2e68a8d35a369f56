/**
 * The default, human format: findings grouped by file, `line:col  severity  message  rule-id`
 * aligned in columns, and a summary line. Colour only when the command asks for it.
 */
import { createColors } from 'picocolors';
import type { Diagnostic, LintResult } from '../core/diagnostic.js';
import { assemble, plural, type FormatInput, type StreamInput, type Totals } from './types.js';
import { displayWidth } from './width.js';

/** Format results for a terminal. Prints a one-line all-clear when there is nothing to report. */
export function format(input: FormatInput): string {
  return assemble({ file, frame }, input);
}

/** One file's block: a blank line, the path, one aligned row per finding; nothing for a clean file. */
export function file(result: LintResult, input: StreamInput): string {
  if (!result.diagnostics.length) return '';
  const c = colors(input);
  return `\n${c.underline(result.file)}\n${rows(result.diagnostics, c).join('\n')}\n`;
}

/** The summary after the file blocks, from the run's totals. */
export function frame(t: Totals, input: StreamInput): { tail: string } {
  const c = colors(input);
  if (!t.errors && !t.warnings) {
    return { tail: t.files ? `${c.green('✔')} ${plural(t.files, 'plan')} checked: no problems\n` : '' };
  }
  const problems = t.errors + t.warnings;
  const summary = `✖ ${plural(problems, 'problem')} (${plural(t.errors, 'error')}, ${plural(t.warnings, 'warning')})`;
  return { tail: `\n${(t.errors ? c.red : c.yellow)(c.bold(summary))}\n${t.fixable ? `  ${t.fixable} fixable with --fix\n` : ''}` };
}

type Colors = Pick<ReturnType<typeof createColors>, 'bold' | 'dim' | 'green' | 'red' | 'underline' | 'yellow'>;

/**
 * Without colour, picocolors is not loaded at all: as it loads it looks at `process.stdout`, which
 * loads Node's stream modules, a cost a run into a pipe (an agent, CI) need not pay.
 */
const PLAIN: Colors = { bold: String, dim: String, green: String, red: String, underline: String, yellow: String };
// Made once: a large run formats one block per plan.
let colored: Colors | undefined;

function colors(input: StreamInput): Colors {
  return input.color ? (colored ??= createColors(true)) : PLAIN;
}

/** One aligned row per finding, in the order the rules reported them. */
function rows(diagnostics: readonly Diagnostic[], c: Colors): string[] {
  const lineW = diagnostics.reduce((w, d) => Math.max(w, String(d.line).length), -Infinity);
  const colW = diagnostics.reduce((w, d) => Math.max(w, String(d.column).length), -Infinity);
  const label = (d: Diagnostic) => (d.severity === 'error' ? 'error' : 'warning');
  const sevW = diagnostics.reduce((w, d) => Math.max(w, label(d).length), -Infinity);
  // Measured once: a large run prints hundreds of thousands of messages.
  const widths = diagnostics.map((d) => displayWidth(d.message));
  const msgW = widths.reduce((w, x) => Math.max(w, x), -Infinity);
  return diagnostics.map((d, i) => {
    // Padding is computed on the plain text so ANSI codes never shift the columns.
    const loc = `${String(d.line).padStart(lineW)}:${String(d.column).padEnd(colW)}`;
    const sev = label(d);
    const sevText = (d.severity === 'error' ? c.red : c.yellow)(sev) + ' '.repeat(sevW - sev.length);
    const msg = d.message + ' '.repeat(msgW - widths[i]!);
    return `  ${c.dim(loc)}  ${sevText}  ${msg}  ${c.dim(d.ruleId)}`;
  });
}
