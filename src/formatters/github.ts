/**
 * GitHub Actions workflow commands: one `::error` or `::warning` line per finding, which the
 * runner turns into annotations on the pull request's changed lines.
 */
import type { Diagnostic, LintResult } from '../core/diagnostic.js';
import { assemble, type FormatInput } from './types.js';

/** Escape a command's message, as GitHub's toolkit does: `%`, CR and LF. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escape a command property's value: the message escapes plus `:` and `,`, which delimit properties. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Format results as workflow commands, one line per finding; nothing at all when clean. */
export function format(input: FormatInput): string {
  return assemble({ file, frame }, input);
}

/** One file's commands. */
export function file(result: LintResult): string {
  let out = '';
  for (const d of result.diagnostics) out += `${command(result.file, d)}\n`;
  return out;
}

/** Workflow commands have no summary. */
export function frame(): { tail: string } {
  return { tail: '' };
}

function command(file: string, d: Diagnostic): string {
  const props = [`file=${escapeProperty(file)}`, `line=${d.line}`, `col=${d.column}`];
  if (d.endLine !== undefined) props.push(`endLine=${d.endLine}`);
  if (d.endColumn !== undefined) props.push(`endColumn=${d.endColumn}`);
  props.push(`title=${escapeProperty(d.ruleId)}`);
  return `::${d.severity === 'error' ? 'error' : 'warning'} ${props.join(',')}::${escapeData(d.message)}`;
}
