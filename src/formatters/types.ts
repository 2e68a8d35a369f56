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

/** What a formatter needs besides the results. */
export type StreamInput = Omit<FormatInput, 'results'>;

/**
 * A format: a block per file, framed by what the totals decide, so a large run can print each
 * plan's findings as they come and forget them. A whole document (json, sarif) has a `head`
 * before the blocks and a `separator`: its blocks are held, as bytes, until every plan is linted,
 * and the non-empty ones are joined with it. `format` is the same as {@link assemble}.
 */
export interface Formatter {
  file: (result: LintResult, input: StreamInput) => string;
  frame: (t: Totals, input: StreamInput) => { head?: string; tail: string };
  separator?: string;
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

/**
 * The whole output from its parts, as a command that streams prints it: the head, the non-empty
 * blocks joined with the separator, the tail. Every format is built this way, so its streamed and
 * whole forms cannot differ.
 */
export function assemble(f: Formatter, input: FormatInput): string {
  const blocks = input.results.map((r) => f.file(r, input)).filter((b) => b.length);
  const { head = '', tail } = f.frame(totals(input.results), input);
  return `${head}${blocks.join(f.separator ?? '')}${tail}`;
}

/**
 * `JSON.stringify(doc, null, 2)` of a document whose array at `key` is filled in later: the text
 * before its first item and after its last. `empty` says whether it stays `[]`. The key must be
 * the first of that name in the document (a string value cannot hold it: its quotes are escaped).
 */
export function jsonAround(doc: unknown, key: string, indent: number, empty: boolean): { head: string; tail: string } {
  const text = `${JSON.stringify(doc, null, 2)}\n`;
  const mark = `${' '.repeat(indent)}"${key}": []`;
  const at = text.indexOf(mark) + mark.length - 1;
  if (empty) return { head: text.slice(0, at), tail: text.slice(at) };
  return { head: `${text.slice(0, at)}\n`, tail: `\n${' '.repeat(indent)}${text.slice(at)}` };
}

/** An item of an array `depth` levels deep in a document printed with two-space indentation. */
export function jsonItem(value: unknown, depth: number): string {
  const pad = ' '.repeat(depth * 2);
  return pad + JSON.stringify(value, null, 2).replaceAll('\n', `\n${pad}`);
}
