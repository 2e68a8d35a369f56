/** Reading a plan's text line by line: which lines are prose, which are code, where inline code sits. */
import { lineIndexAt } from '../../core/lines.js';
import type { PlanLine } from '../../core/plan-lines.js';
import type { CodeBlock, Plan } from '../../core/types.js';

export { planLines, type PlanLine } from '../../core/plan-lines.js';

/**
 * Every match of a global pattern over the plan's whole text, with the line it is on. One scan in
 * the regular expression engine costs far less than a call per line; the pattern must not be able
 * to match across a line break, so the matches are those a line-by-line search would find.
 */
export function matchesByLine(lines: readonly PlanLine[], source: string, pattern: RegExp): { match: RegExpExecArray; line: PlanLine }[] {
  const out: { match: RegExpExecArray; line: PlanLine }[] = [];
  let at = 0;
  for (const match of source.matchAll(pattern)) {
    while (at + 1 < lines.length && lines[at + 1]!.start <= match.index) at++;
    out.push({ match: match as RegExpExecArray, line: lines[at]! });
  }
  return out;
}

/** The lines holding `needle`, in order, found by searching the whole text (most lines hold none). */
export function linesContaining(lines: readonly PlanLine[], source: string, needle: string): PlanLine[] {
  const out: PlanLine[] = [];
  let at = 0;
  for (let i = source.indexOf(needle); i !== -1; ) {
    while (at + 1 < lines.length && lines[at + 1]!.start <= i) at++;
    out.push(lines[at]!);
    // On to the next line: one hit per line is enough.
    const next = lines[at + 1];
    i = next ? source.indexOf(needle, next.start) : -1;
  }
  return out;
}

/** The lines from `fromLine` to `toLine` (1-based, inclusive). */
export function linesBetween(lines: readonly PlanLine[], fromLine: number, toLine: number): readonly PlanLine[] {
  return lines.slice(Math.max(fromLine - 1, 0), Math.max(toLine, 0));
}

/** 1-based line of an offset. */
export function lineOf(plan: Plan, offset: number): number {
  return position(plan, offset).line;
}

/** 1-based line and column of an offset; a BOM does not count as a column. */
export function position(plan: Plan, offset: number): { line: number; column: number } {
  const i = lineIndexAt(plan.lineStarts, offset);
  const bomShift = i === 0 && plan.bom && offset > 0 ? 1 : 0;
  return { line: i + 1, column: offset - plan.lineStarts[i]! + 1 - bomShift };
}

const BACKSLASH = 0x5c;
const BACKTICK = 0x60;

/** A code span inside one line: `start`/`end` index the content between the backticks. */
export interface CodeSpan {
  start: number;
  end: number;
  content: string;
}

/** The inline code spans of one line (spans that wrap onto the next line are not seen). */
export function inlineCode(text: string): CodeSpan[] {
  const spans: CodeSpan[] = [];
  let i = 0;
  for (let tick = text.indexOf('`'); tick !== -1; tick = text.indexOf('`', i)) {
    // After an odd run of backslashes the backtick is escaped.
    let slashes = 0;
    while (tick - slashes > i && text.charCodeAt(tick - slashes - 1) === BACKSLASH) slashes++;
    if (slashes % 2 === 1) {
      i = tick + 1;
      continue;
    }
    let run = 1;
    while (text.charCodeAt(tick + run) === BACKTICK) run++;
    const ticks = '`'.repeat(run);
    let close = text.indexOf(ticks, tick + run);
    // The closing run must be exactly as long as the opening one.
    while (close !== -1 && text.charCodeAt(close + run) === BACKTICK) {
      let end = close;
      while (text.charCodeAt(end) === BACKTICK) end++;
      close = text.indexOf(ticks, end);
    }
    if (close === -1) {
      i = tick + run;
      continue;
    }
    spans.push({ start: tick + run, end: close, content: text.slice(tick + run, close) });
    i = close + run;
  }
  return spans;
}

/** The line with its inline code blanked out (same length, so indexes still match). */
export function withoutInlineCode(text: string): string {
  let out = text;
  for (const s of inlineCode(text)) out = out.slice(0, s.start - 1) + ' '.repeat(s.end - s.start + 2) + out.slice(s.end + 1);
  return out;
}

/** Whether a fenced block is a script (every line a command), as its info string says. */
export function isShellBlock(block: CodeBlock): boolean {
  return /^(?:bash|sh|shell|zsh|fish|powershell|pwsh|ps1|cmd|bat|batch)$/i.test(block.info.split(/\s+/)[0] ?? '');
}

/** A line that shows a command at a prompt: `$ npm test`, `PS> ...`. */
export const PROMPT_LINE = /^\s*(?:[-*+]\s+)?(?:\$|PS[^>\s]*>)\s+\S/;

/** Whether a UTF-16 code unit is a word character for `\b` in a pattern without the `u` flag. */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/**
 * Whether `text` holds `word` exactly as written with no word character on either side, as
 * `\bword\b` would find it. Enough to know that a pattern listing the word matches, without
 * compiling the pattern: V8 compiles a large pattern on its first use, which costs a one-plan lint
 * more than the search.
 */
export function hasWord(text: string, word: string): boolean {
  for (let i = text.indexOf(word); i !== -1; i = text.indexOf(word, i + 1)) {
    if (!isWordChar(text.charCodeAt(i - 1)) && !isWordChar(text.charCodeAt(i + word.length))) return true;
  }
  return false;
}
